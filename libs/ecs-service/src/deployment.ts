/** How a service rolls out a new task definition: ECS rolling updates, or CodeDeploy blue/green. */

export interface TargetGroupRef {
  readonly arn: string;
  /** CodeDeploy refers to target groups by name. */
  readonly name: string;
}

export type DeploymentProps =
  | {
      /** ECS rolling update with the deployment circuit breaker: a failing rollout rolls back by itself. */
      readonly mode: "rolling";
      /** @default 100 */
      readonly minimumHealthyPercent?: number;
      /** @default 200 */
      readonly maximumPercent?: number;
    }
  | {
      /** CodeDeploy blue/green (seed 001 phase 4): traffic shifts by `deploymentConfig`, alarms roll back. */
      readonly mode: "blueGreen";
      /** Production listener whose traffic CodeDeploy shifts. */
      readonly listenerArn: string;
      /** Test listener that reaches the green tasks before the shift. @default none */
      readonly testListenerArn?: string;
      /** Target group the service starts on. */
      readonly blueTargetGroup: TargetGroupRef;
      readonly greenTargetGroup: { readonly name: string };
      /** @default "CodeDeployDefault.ECSCanary10Percent5Minutes" */
      readonly deploymentConfig?: string;
      /** Minutes the old (blue) tasks stay after a successful shift. @default 5 */
      readonly terminationWaitMinutes?: number;
      /** CloudWatch alarm names that stop and roll back a deployment. @default [] */
      readonly rollbackAlarms?: readonly string[];
    };

export const DEFAULT_DEPLOYMENT: DeploymentProps = { mode: "rolling" };
export const DEFAULT_BLUE_GREEN_CONFIG = "CodeDeployDefault.ECSCanary10Percent5Minutes";

/** The ECS service's `deployment_controller.type` for a mode: the one place that maps them. */
export function deploymentControllerType(d: DeploymentProps): "ECS" | "CODE_DEPLOY" {
  switch (d.mode) {
    case "rolling":
      return "ECS";
    case "blueGreen":
      return "CODE_DEPLOY";
  }
}

export interface AutoScalingProps {
  readonly min: number;
  readonly max: number;
  /** Average CPU the service is kept at. @default 70 */
  readonly targetCpuPercent?: number;
  /** Also track average memory. @default none */
  readonly targetMemoryPercent?: number;
  /** Seconds after a scale-in before the next. @default 300 */
  readonly scaleInCooldown?: number;
  /** Seconds after a scale-out before the next. @default 60 */
  readonly scaleOutCooldown?: number;
}

export function validateScaling(s: AutoScalingProps, desiredCount: number, where: string): void {
  if (!Number.isInteger(s.min) || !Number.isInteger(s.max) || s.min < 0 || s.max < 1 || s.min > s.max) {
    throw new RangeError(`${where}: autoScaling min ${s.min} / max ${s.max} must be integers with 0 <= min <= max and max >= 1`);
  }
  if (desiredCount < s.min || desiredCount > s.max) {
    throw new RangeError(`${where}: desiredCount ${desiredCount} is outside autoScaling ${s.min}-${s.max}`);
  }
  for (const [k, v] of [
    ["targetCpuPercent", s.targetCpuPercent],
    ["targetMemoryPercent", s.targetMemoryPercent],
  ] as const) {
    if (v !== undefined && (v <= 0 || v > 100)) throw new RangeError(`${where}: autoScaling ${k} ${v} must be in (0, 100]`);
  }
}
