import type { Dependency, RegionName } from "@infra/config";
import { atlasBucketsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inDr, inPrimary, KMS } from "../features";
import { atlasModule } from "../workload";

/** S3 backups + static assets (+ access logs); phase 4: their replicas in the DR region. */
export const buckets = atlasModule("data/buckets", {
  schema: atlasBucketsInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) || inDr(ctx),
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => {
    const dr = features(ctx).dr;
    return {
      kms: KMS,
      ...(dr && inPrimary(ctx) ? { dr: { module: buckets, region: dr.region as RegionName } } : {}),
    };
  },
  waivers: (ctx: AtlasContext) => [
    {
      rule: "INF-S3-003",
      address: "aws_s3_bucket.access-logs_*",
      reason: "POLICIES.md #26: S3 server access logs, ALB and CloudFront log delivery cannot write to SSE-KMS buckets: the access-log bucket uses SSE-S3.",
    },
    // CloudFront logs only exist with the CDN (phase 3+ prod).
    ...(inPrimary(ctx) && features(ctx).cdn
      ? [
          {
            rule: "INF-S3-002",
            address: "aws_s3_bucket.access-logs_*",
            reason:
              "CloudFront standard logging (phase 3+ prod) writes with ACLs: the log bucket needs BucketOwnerPreferred (POLICIES.md #25 allows it for a CloudFront log bucket).",
          },
        ]
      : []),
  ],
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
    const primary = inPrimary(ctx);
    return {
      role: primary ? ("primary" as const) : ("dr" as const),
      prefix: `accountabilityatlas-${ctx.env.name}-${ctx.region.name}`,
      accountId: ctx.env.accountId,
      deletionProtection: ctx.settings.deletionProtection,
      backupsToGlacierDays: 30,
      accessLogExpirationDays: 90,
      replicateTo: primary ? f.dr?.region : undefined,
      // Phase 4 DR: the replica is the CDN's failover origin for static assets (atlas-edge/cdn).
      cdnRead: f.cdn && (primary || inDr(ctx)),
    };
  },
});
