/** Target groups and path routing of the load balancer, as plain data validated before synth. */

export interface HealthCheckProps {
  /** e.g. "/actuator/health" (seed 001's Spring services) or "/api/health" (web-app). */
  readonly path: string;
  /** @default "traffic-port" */
  readonly port?: string;
  /** HTTP codes that count as healthy. @default "200" */
  readonly matcher?: string;
  /** Seconds between checks. @default 30 */
  readonly intervalSeconds?: number;
  /** @default 5 */
  readonly timeoutSeconds?: number;
  /** @default 3 */
  readonly healthyThreshold?: number;
  /** @default 3 */
  readonly unhealthyThreshold?: number;
}

export interface TargetGroupProps {
  /** Key of the target group inside this load balancer, used by rules and attributes, e.g. "api-gateway". */
  readonly key: string;
  /** Target group name in AWS (<= 32 characters). @default "<lb name>-<key>" */
  readonly name?: string;
  /** Port the targets listen on, e.g. 8080. */
  readonly port: number;
  /** @default "HTTP" */
  readonly protocol?: "HTTP" | "HTTPS";
  /** "ip" for Fargate tasks (awsvpc), "instance" for EC2 hosts. @default "ip" */
  readonly targetType?: "ip" | "instance";
  readonly healthCheck: HealthCheckProps;
  /** Seconds to drain a deregistering target. @default 30 */
  readonly deregistrationDelaySeconds?: number;
}

export interface ListenerRuleProps {
  /** Lower numbers are evaluated first; unique per listener, 1-50000. */
  readonly priority: number;
  /** Path patterns, e.g. ["/api/*"]. At least one of pathPatterns / hostHeaders. */
  readonly pathPatterns?: readonly string[];
  /** Host headers, e.g. ["api.accountabilityatlas.com"]. */
  readonly hostHeaders?: readonly string[];
  /** Key of the target group the rule forwards to. */
  readonly targetGroup: string;
  /**
   * CodeDeploy blue/green rewrites this rule's action between the blue and green target groups;
   * Terraform then ignores the action so a plan does not undo a deployment. @default false
   */
  readonly managedByCodeDeploy?: boolean;
}

const NAME_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** Load balancer and target group names: 1-32 alphanumerics or hyphens, not starting or ending with a hyphen. */
export function checkElbName(name: string, what: string): void {
  if (!NAME_RE.test(name)) {
    throw new RangeError(`${what} name ${JSON.stringify(name)} must be 1-32 letters, digits or hyphens, not starting or ending with a hyphen`);
  }
}

export function validateRouting(lbName: string, targetGroups: readonly TargetGroupProps[], rules: readonly ListenerRuleProps[]): void {
  const keys = new Set<string>();
  for (const tg of targetGroups) {
    if (keys.has(tg.key)) throw new RangeError(`ApplicationLoadBalancer ${lbName}: target group key ${JSON.stringify(tg.key)} is used twice`);
    keys.add(tg.key);
    checkElbName(tg.name ?? `${lbName}-${tg.key}`, `target group ${tg.key}:`);
    if (!tg.healthCheck.path.startsWith("/")) throw new RangeError(`target group ${tg.key}: health check path must start with "/"`);
  }
  const priorities = new Set<number>();
  for (const rule of rules) {
    const where = `ApplicationLoadBalancer ${lbName} rule priority ${rule.priority}`;
    if (!Number.isInteger(rule.priority) || rule.priority < 1 || rule.priority > 50000) throw new RangeError(`${where}: priority must be an integer 1-50000`);
    if (priorities.has(rule.priority)) throw new RangeError(`${where}: priority is used by another rule`);
    priorities.add(rule.priority);
    if (!keys.has(rule.targetGroup)) {
      throw new RangeError(`${where}: forwards to unknown target group ${JSON.stringify(rule.targetGroup)}; known: ${[...keys].join(", ") || "(none)"}`);
    }
    if ((rule.pathPatterns?.length ?? 0) + (rule.hostHeaders?.length ?? 0) === 0) throw new RangeError(`${where}: needs pathPatterns or hostHeaders`);
  }
}
