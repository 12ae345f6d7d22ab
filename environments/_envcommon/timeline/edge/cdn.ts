import { timelineCdnInputs } from "@infra/timeline-inputs";
import { kms } from "../security/kms";
import { s3 } from "../storage/s3";
import { timelineModule } from "../workload";

/**
 * Seed 002 static assets: the website-assets bucket served publicly through CloudFront only (the
 * bucket stays private behind origin access control), WAF, edge logs. Old asset versions move to
 * Standard-IA after 30 days and are deleted after 90.
 */
export const cdn = timelineModule("edge/cdn", {
  schema: timelineCdnInputs,
  dependencies: {
    kms,
    storage: s3,
  },
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-timeline`,
    region: region.name,
    priceClass: "PriceClass_100" as const,
    certificate: { type: "cloudfront-default" as const },
    defaultRootObject: "index.html",
    rateLimitPer5Min: 2000,
    logRetentionDays: settings.logRetentionDays,
    lifecycle: { transitions: [], noncurrentTransitions: [{ storageClass: "STANDARD_IA" as const, days: 30 }], noncurrentExpirationDays: 90 },
    replicateToDr: false,
    deletionProtection: settings.deletionProtection,
  }),
});
