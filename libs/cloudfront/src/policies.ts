import { type JsonPolicyStatement, toJsonStatement } from "@infra/iam/statement";

/** AWS managed CloudFront policy ids (the same in every account). */
export const MANAGED_CACHE_POLICIES = {
  CachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  CachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
} as const;

export const MANAGED_ORIGIN_REQUEST_POLICIES = {
  AllViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
  /** For API Gateway and other origins that need their own Host header. */
  AllViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
  "CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
  "CORS-CustomOrigin": "59781a5b-3903-41f3-afcb-af62929ccde1",
  UserAgentRefererHeaders: "acba4595-bd28-49b8-b9fe-13317c0390fa",
} as const;

export type ManagedOriginRequestPolicy = keyof typeof MANAGED_ORIGIN_REQUEST_POLICIES;

/** Which values of the viewer request go into the cache key (and so to the origin). */
export type KeyValues = "none" | "all" | readonly string[];

/** How a behaviour caches. */
export type CacheSetting =
  /** Managed CachingDisabled: every request goes to the origin (APIs, WebSockets). */
  | { readonly type: "disabled" }
  /** Managed CachingOptimized: 1 day default, 1 year max, honours origin headers. */
  | { readonly type: "managed-optimized" }
  /**
   * An own cache policy with exact TTLs: `defaultTtlSeconds` applies when the origin sends no
   * Cache-Control; `maxTtlSeconds` caps what the origin may ask for; `minTtlSeconds` is the floor.
   */
  | {
      readonly type: "ttl";
      readonly defaultTtlSeconds: number;
      /** @default 0 */
      readonly minTtlSeconds?: number;
      /** @default defaultTtlSeconds */
      readonly maxTtlSeconds?: number;
      /** @default "none" */
      readonly queryStrings?: KeyValues;
      /** Header names in the key (no "all" for headers). @default [] */
      readonly headers?: readonly string[];
      /** @default "none" */
      readonly cookies?: KeyValues;
    };

export const DAY = 86400;
/** Seed 000 ARC-008 TTLs, for config to refer to by name. */
export const SEED_TTLS = { tiles: 30 * DAY, static: 365 * DAY, default: 3600 } as const;

export function cacheSettingErrors(label: string, c: CacheSetting): (string | undefined)[] {
  if (c.type !== "ttl") return [];
  const min = c.minTtlSeconds ?? 0;
  const def = c.defaultTtlSeconds;
  const max = c.maxTtlSeconds ?? def;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  return [
    !whole(min) || !whole(def) || !whole(max) ? `${label}: TTLs must be whole seconds >= 0` : undefined,
    !(min <= def && def <= max) ? `${label}: TTLs must satisfy min (${min}) <= default (${def}) <= max (${max})` : undefined,
    max === 0 ? `${label}: a TTL policy with max 0 caches nothing; use { type: "disabled" }` : undefined,
  ];
}

/** The parameters block of an aws_cloudfront_cache_policy. */
export function cacheKeyParameters(c: Extract<CacheSetting, { type: "ttl" }>) {
  const behaviour = (v: KeyValues | undefined, listWord: "whitelist") =>
    v === undefined || v === "none" ? { kind: "none" as const } : v === "all" ? { kind: "all" as const } : { kind: listWord, items: [...v] };
  const qs = behaviour(c.queryStrings, "whitelist");
  const ck = behaviour(c.cookies, "whitelist");
  const headers = c.headers ?? [];
  return {
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
    queryStringsConfig: { queryStringBehavior: qs.kind, ...(qs.kind === "whitelist" ? { queryStrings: { items: qs.items } } : {}) },
    cookiesConfig: { cookieBehavior: ck.kind, ...(ck.kind === "whitelist" ? { cookies: { items: ck.items } } : {}) },
    headersConfig: headers.length > 0 ? { headerBehavior: "whitelist", headers: { items: [...headers] } } : { headerBehavior: "none" },
  };
}

/**
 * The bucket policy statement an S3 origin needs: CloudFront (this distribution only, through
 * Origin Access Control) may read objects. The bucket's owner adds it to the bucket policy.
 */
export function oacBucketPolicyStatement(bucketArn: string, distributionArn: string): JsonPolicyStatement {
  return toJsonStatement({
    sid: "AllowCloudFrontOacRead",
    principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
    actions: ["s3:GetObject"],
    resources: [`${bucketArn}/*`],
    conditions: [{ test: "StringEquals", variable: "AWS:SourceArn", values: [distributionArn] }],
  });
}
