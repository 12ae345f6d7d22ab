import { publicDomain, zoneDelegationInput } from "@infra/config";
import { z } from "zod";
import { countryCode, domainName, logRetention, name } from "./common";

/** milequest-edge/dns: the env's Route 53 zone (seed 003 "Route 53 mile-quest.com"). */
export const zoneInputs = z
  .object({
    /** The env's public zone (never a reserved domain: its certificates validate through it). */
    domain: publicDomain,
    /** Where the zone's delegation comes from (prod: the registrar; staging: prod's zone). */
    delegation: zoneDelegationInput,
    queryLogRetentionDays: logRetention,
    /** Sign the zone (the registrar / parent zone then needs the DS record). */
    dnssec: z.boolean(),
    deletionProtection: z.boolean(),
  })
  .strict();
export type ZoneInputs = z.infer<typeof zoneInputs>;

/** milequest-edge/waf: the CLOUDFRONT web ACL (seed 003 WAF rules: rate limiting, geo blocking, SQL injection, XSS). */
export const wafInputs = z
  .object({
    name,
    rateLimitPer5Min: z.number().int().min(100).max(2_000_000_000),
    geoBlockCountries: z.array(countryCode),
    logRetentionDays: logRetention,
  })
  .strict()
  .superRefine((v, ctx) => {
    const dup = v.geoBlockCountries.find((c, i) => v.geoBlockCountries.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["geoBlockCountries"], message: `country ${dup} is listed twice` });
  });
export type WafInputs = z.infer<typeof wafInputs>;

/** milequest-edge/cdn: CloudFront in front of the REST API (seed 003 "CloudFront CDN", "P_CF → P_API"). */
export const cdnInputs = z
  .object({
    name,
    /** Public API name (seed 003 "api.mile-quest.com"). */
    apiDomain: domainName,
    /** The failover-routed regional origin. */
    originDomain: domainName,
    priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]),
    logExpirationDays: z.number().int().min(1),
    deletionProtection: z.boolean(),
  })
  .strict();
export type CdnInputs = z.infer<typeof cdnInputs>;

/** milequest-edge/routing: records of the regional APIs; in prod Route 53 health checks and a failover policy (seed 003 DR). */
export const routingInputs = z
  .object({
    /** PRIMARY/SECONDARY records with health checks (needs a `standbyRest` and `standbyWebsocket` dependency). */
    failover: z.boolean(),
    healthCheckPath: z.string().startsWith("/"),
    healthCheckIntervalSeconds: z.union([z.literal(10), z.literal(30)]),
    failureThreshold: z.number().int().min(1).max(10),
  })
  .strict();
export type RoutingInputs = z.infer<typeof routingInputs>;
