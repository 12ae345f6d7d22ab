import type { CloudfrontDistributionOriginGroup } from "@cdktf/provider-aws/lib/cloudfront-distribution";

/**
 * The primary-origin status codes CloudFront accepts as failover criteria (CloudFront developer
 * guide, "Create an origin group"): anything else is refused by the API.
 */
export const FAILOVER_STATUS_CODES = [400, 403, 404, 416, 500, 502, 503, 504] as const;
export type FailoverStatusCode = (typeof FAILOVER_STATUS_CODES)[number];

/**
 * What an S3 origin answers when the bucket (or its region) is unavailable, and what a replica
 * may still have: 5xx, and 403/404 (S3 answers 403 for a missing key without s3:ListBucket).
 */
export const S3_FAILOVER_STATUS_CODES: readonly FailoverStatusCode[] = [403, 404, 500, 502, 503, 504];

/**
 * Origin failover: a behaviour whose `origin` names the group sends each cache miss to `primary`
 * and, when the primary answers one of `failoverStatusCodes` (or does not answer), the same request
 * to `secondary`. Per request, no health state: nothing to flip at activation. CloudFront fails
 * over GET, HEAD and OPTIONS only, so a behaviour using a group may not allow other methods.
 */
export interface OriginGroup {
  /** Key of `origins` asked first. Not another group. */
  readonly primary: string;
  /** Key of `origins` asked when the primary fails. Not another group, not the primary. */
  readonly secondary: string;
  /** Primary status codes that trigger the retry, from FAILOVER_STATUS_CODES. @default [500, 502, 503, 504] */
  readonly failoverStatusCodes?: readonly FailoverStatusCode[];
}

const DEFAULT_CODES: readonly FailoverStatusCode[] = [500, 502, 503, 504];

/** Every validation error of the origin groups of a distribution. Pure. */
export function originGroupErrors(groups: Readonly<Record<string, OriginGroup>>, originIds: readonly string[]): string[] {
  return Object.entries(groups).flatMap(([id, g]) => {
    const label = `originGroups.${id}`;
    const codes = g.failoverStatusCodes ?? DEFAULT_CODES;
    const member = (role: "primary" | "secondary", value: string) =>
      originIds.includes(value) ? undefined : `${label}.${role} "${value}" is not an origin (groups cannot nest); origins: ${originIds.join(", ")}`;
    return [
      originIds.includes(id) ? `${label}: "${id}" is also an origin id; a behaviour's origin must name one or the other` : undefined,
      member("primary", g.primary),
      member("secondary", g.secondary),
      g.primary === g.secondary ? `${label}: primary and secondary are both "${g.primary}"; failing over to the same origin retries nothing` : undefined,
      codes.length === 0 ? `${label}.failoverStatusCodes is empty; leave it unset for [${DEFAULT_CODES.join(", ")}]` : undefined,
      ...codes.map((c) =>
        (FAILOVER_STATUS_CODES as readonly number[]).includes(c)
          ? undefined
          : `${label}.failoverStatusCodes: ${c} is not a code CloudFront fails over on (allowed: ${FAILOVER_STATUS_CODES.join(", ")})`,
      ),
      new Set(codes).size !== codes.length ? `${label}.failoverStatusCodes repeat a code: ${codes.join(", ")}` : undefined,
    ].filter((e): e is string => e !== undefined);
  });
}

/** The origin_group blocks, codes sorted (a stable plan whatever order config lists them in). */
export function originGroupBlocks(groups: Readonly<Record<string, OriginGroup>>): CloudfrontDistributionOriginGroup[] {
  return Object.entries(groups).map(([originId, g]) => ({
    originId,
    failoverCriteria: { statusCodes: [...(g.failoverStatusCodes ?? DEFAULT_CODES)].sort((a, b) => a - b) },
    member: [{ originId: g.primary }, { originId: g.secondary }],
  }));
}
