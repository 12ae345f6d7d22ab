import type { Route53RecordConfig } from "@cdktf/provider-aws/lib/route53-record";

/** An alias to an AWS endpoint: CloudFront, ALB, API Gateway custom domain, S3 website, ... */
export interface AliasTarget {
  /** The target's DNS name, e.g. a distribution's `domainName`. */
  readonly dnsName: string;
  /** The target's hosted zone id (CloudFront: Z2FDTNDATAQYW2; ALB/API GW: per region, from the resource). */
  readonly hostedZoneId: string;
  /** Let Route 53 follow the target's own health (ALB, another record set). @default false */
  readonly evaluateTargetHealth?: boolean;
}

/** What a record answers: an alias, or literal values with a TTL. */
export type RecordTarget =
  | { readonly alias: AliasTarget }
  | {
      readonly values: readonly string[];
      /** Seconds. @default 60 (routing-policy records change on failover; keep it short) */
      readonly ttl?: number;
    };

export function isAlias(target: RecordTarget): target is { readonly alias: AliasTarget } {
  return "alias" in target;
}

/** The record arguments a target contributes. */
export function targetArguments(target: RecordTarget): Pick<Route53RecordConfig, "alias" | "records" | "ttl"> {
  if (isAlias(target)) {
    return {
      alias: { name: target.alias.dnsName, zoneId: target.alias.hostedZoneId, evaluateTargetHealth: target.alias.evaluateTargetHealth ?? false },
    };
  }
  return { records: [...target.values], ttl: target.ttl ?? 60 };
}

export function targetErrors(label: string, target: RecordTarget): (string | undefined)[] {
  if (isAlias(target)) return [];
  const ttl = target.ttl;
  return [
    target.values.length === 0 ? `${label}: values must not be empty` : undefined,
    ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > 2147483647) ? `${label}: ttl ${ttl} must be a whole number of seconds >= 0` : undefined,
  ];
}

/** @deprecated One copy lives in `@infra/config` (ADR 0115); import it from there. Kept while parallel branches merge. */
export { throwIfInvalid } from "@infra/config";
