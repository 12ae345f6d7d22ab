import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

/** Regions Route 53 health checkers run from. */
export const HEALTH_CHECK_REGIONS = [
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "eu-west-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "sa-east-1",
] as const;

export interface HealthCheckProps {
  /** Host to check, e.g. "api.mile-quest.com" or a regional API endpoint. */
  readonly fqdn: string;
  /** Path for HTTP(S) checks. @default "/" */
  readonly path?: string;
  /** @default 443 */
  readonly port?: number;
  /** @default "HTTPS" */
  readonly type?: "HTTPS" | "HTTP" | "HTTPS_STR_MATCH" | "HTTP_STR_MATCH" | "TCP";
  /** Text the first 5,120 bytes must contain (STR_MATCH types only). @default none */
  readonly searchString?: string;
  /** Seconds between checks from each checker: 10 (fast, costs more) or 30. @default 30 */
  readonly requestInterval?: 10 | 30;
  /** Consecutive failures before unhealthy, 1..10. @default 3 */
  readonly failureThreshold?: number;
  /** At least 3 checker regions. @default all of them (Route 53's default) */
  readonly regions?: readonly (typeof HEALTH_CHECK_REGIONS)[number][];
  /** @default false */
  readonly measureLatency?: boolean;
  /** Name tag shown in the console. @default the fqdn and path */
  readonly name?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every validation error for a set of health check props. Pure. */
export function validateHealthCheckProps(props: HealthCheckProps): string[] {
  const type = props.type ?? "HTTPS";
  const port = props.port ?? 443;
  const threshold = props.failureThreshold ?? 3;
  return [
    props.fqdn.length === 0 || props.fqdn.length > 255 ? "fqdn must be 1-255 characters" : undefined,
    !Number.isInteger(port) || port < 1 || port > 65535 ? `port ${port} must be 1..65535` : undefined,
    !Number.isInteger(threshold) || threshold < 1 || threshold > 10 ? `failureThreshold ${threshold} must be 1..10` : undefined,
    props.regions !== undefined && props.regions.length < 3 ? `regions needs at least 3 checker regions, got ${props.regions.length}` : undefined,
    type.endsWith("STR_MATCH") && !props.searchString ? `type ${type} needs a searchString` : undefined,
    !type.endsWith("STR_MATCH") && props.searchString ? `searchString needs an HTTP_STR_MATCH or HTTPS_STR_MATCH type` : undefined,
    type === "TCP" && props.path !== undefined ? "TCP checks have no path" : undefined,
    props.path !== undefined && !props.path.startsWith("/") ? `path "${props.path}" must start with "/"` : undefined,
  ].filter((e): e is string => e !== undefined);
}

/** A Route 53 health check of an endpoint, for failover and latency records. */
export class HealthCheck extends Construct {
  readonly healthCheckId: string;
  readonly healthCheckArn: string;

  constructor(scope: Construct, id: string, props: HealthCheckProps) {
    super(scope, id);
    markLibrary(this, "dns");
    throwIfInvalid(`HealthCheck "${props.fqdn}"`, validateHealthCheckProps(props));
    const type = props.type ?? "HTTPS";
    const path = type === "TCP" ? undefined : (props.path ?? "/");
    const check = new Route53HealthCheck(this, "health-check", {
      type,
      fqdn: props.fqdn,
      port: props.port ?? 443,
      resourcePath: path,
      searchString: props.searchString,
      requestInterval: props.requestInterval ?? 30,
      failureThreshold: props.failureThreshold ?? 3,
      regions: props.regions ? [...props.regions] : undefined,
      measureLatency: props.measureLatency ?? false,
      enableSni: type.startsWith("HTTPS") ? true : undefined,
      tags: { ...(props.tags ?? {}), Name: props.name ?? `${props.fqdn}${path ?? ""}` },
    });
    this.healthCheckId = check.id;
    this.healthCheckArn = check.arn;
  }
}
