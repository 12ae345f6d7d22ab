import { adminCidr, isRegionName, s3BucketName } from "@infra/config";
import { z } from "zod";

/** ARC-015 feature flags, stored as items of the DynamoDB `config` table. */
export const FEATURE_FLAGS = ["crossing_detection", "greeting_feature", "vlog_native_upload", "admin_manual_checkin"] as const;
export type FeatureFlag = (typeof FEATURE_FLAGS)[number];

const dnsName = z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { message: "must be a DNS name like app.example.com" });
/**
 * A browser origin API Gateway can match exactly: https://host[:port], or http:// for local
 * development hosts only. No wildcards: API Gateway accepts only whole "*", "https://*", "http://*",
 * which would admit every site; "https://*.example.com" or "http://localhost:*" match nothing.
 */
export function corsOriginIssue(origin: string): string | undefined {
  if (origin.includes("*")) {
    return `"${origin}" is a wildcard: API Gateway matches exact origins only (partial wildcards such as https://*.aerologue.app or http://localhost:* match nothing); list each origin, e.g. "https://www.aerologue.app", "http://localhost:3000"`;
  }
  const m = /^(https?):\/\/([a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.exec(origin);
  if (!m) return `"${origin}" is not an origin: scheme://host[:port], lower-case, without path or trailing "/"`;
  if (m[1] === "http" && !["localhost", "127.0.0.1"].includes(m[2]!))
    return `"${origin}" uses http: only local development origins (localhost, 127.0.0.1) may; use https`;
  return undefined;
}
const corsOrigin = z.string().superRefine((v, ctx) => {
  const issue = corsOriginIssue(v);
  if (issue) ctx.addIssue({ code: "custom", message: issue });
});

/**
 * Aerologue's own config (seed 000): `_envcommon/aerologue/workload.ts` holds the defaults,
 * `environments/<env>/env.ts` `workloads.aerologue` the per-env differences (ARC-015 table).
 */
export const aerologueConfig = z
  .object({
    /** The env's public domain (a Route 53 zone is created for it): app at the apex, api./ws. below. */
    domain: dnsName,
    /** ARC-015 LOG_LEVEL; also the Lambda JSON application log level. */
    logLevel: z.enum(["debug", "info", "warn", "error"]),
    /** ARC-015 API_RATE_LIMIT, requests per minute per client (enforced by the app with Redis counters). */
    apiRateLimitPerMinute: z.number().int().positive(),
    /** ARC-015 ADSB_PROVIDER. */
    adsbProvider: z.enum(["mock", "real"]),
    /** ARC-015 ENABLE_ANALYTICS. */
    enableAnalytics: z.boolean(),
    /** ARC-015 feature flags (the `config` table's items). */
    featureFlags: z.object(Object.fromEntries(FEATURE_FLAGS.map((f) => [f, z.boolean()])) as Record<FeatureFlag, z.ZodBoolean>).strict(),
    /** ARC-006 stage throttling: steady requests per second and burst. */
    apiThrottle: z.object({ rateLimit: z.number().int().min(1), burstLimit: z.number().int().min(1) }).strict(),
    /** ARC-006 CORS origins of the HTTP API: exact origins per env (no wildcards, see corsOriginIssue). */
    corsOrigins: z.array(corsOrigin).min(1),
    /** ARC-007 OAuth callback and sign-out URLs of the app client. */
    callbackUrls: z.array(z.url()).min(1),
    logoutUrls: z.array(z.url()).min(1),
    /** ARC-003 sg-admin: 443 from these CIDRs. */
    adminIpCidrs: z.array(adminCidr),
    /** ARC-010 alarm emails (SNS email subscriptions). */
    alarmEmails: z.array(z.email()),
    /** ARC-010 log retention: 30 days MVP, 90 days production. */
    logRetentionDays: z.union([z.literal(7), z.literal(14), z.literal(30), z.literal(60), z.literal(90), z.literal(180), z.literal(365)]),
    /** ARC-010 X-Ray sampling: fraction of requests traced (0.05 = 5 %). */
    xraySamplingRate: z.number().min(0).max(1),
    /** ARC-003 "(Standby NAT)" in AZ B: a second NAT gateway kept ready (no routes) for a manual switch. */
    standbyNat: z.boolean(),
    /** Where CI uploads the Lambda and layer zips (bucket per env, key per function/layer). */
    artifacts: z
      .object({
        bucket: s3BucketName,
        functionKeys: z.record(z.string(), z.string().min(1)),
        layerKeys: z.record(z.string(), z.string().min(1)),
      })
      .strict(),
    /** ARC-012 global scaling: extra regions (each needs its region config with the aerologue secondary deployments). */
    globalRegions: z.array(z.string()),
  })
  .strict()
  .superRefine((v, ctx) => {
    v.globalRegions.forEach((r, i) => {
      if (!isRegionName(r)) ctx.addIssue({ code: "custom", path: ["globalRegions", i], message: `unknown region "${r}"` });
      if (r === "us-east-1")
        ctx.addIssue({ code: "custom", path: ["globalRegions", i], message: "us-east-1 is the primary region (ARC-001); list only the added regions" });
      if (v.globalRegions.indexOf(r) !== i) ctx.addIssue({ code: "custom", path: ["globalRegions", i], message: `region "${r}" is listed twice` });
    });
    if (v.apiThrottle.burstLimit < v.apiThrottle.rateLimit) {
      ctx.addIssue({
        code: "custom",
        path: ["apiThrottle", "burstLimit"],
        message: `burst ${v.apiThrottle.burstLimit} must be >= the rate ${v.apiThrottle.rateLimit}`,
      });
    }
  });
export type AerologueConfig = z.infer<typeof aerologueConfig>;
