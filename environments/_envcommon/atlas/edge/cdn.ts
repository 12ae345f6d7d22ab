import { defineModule } from "@infra/config";
import { atlasCdnInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS, prefix } from "../features";
import { buckets } from "../data/buckets";
import { zone } from "../dns/zone";

/** Phase 3+ prod: CloudFront for static assets, SSR and API through the ALB. */
export const cdn = defineModule({
  workload: "atlas",
  category: "atlas-edge",
  module: "cdn",
  builder: "atlas/cdn",
  schema: atlasCdnInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && features(ctx).cdn,
  dependencies: {
    kms: KMS,
    zone,
    buckets,
  },
  defaults: (ctx: AtlasContext) => ({
    name: prefix(ctx),
    aliases: [ctx.workload.domain, `www.${ctx.workload.domain}`],
    // A name the ALB's certificate covers (api.<apex> is an alias of the ALB).
    originDomain: `api.${ctx.workload.domain}`,
    // Next.js standalone output: hashed build assets and the public folder.
    staticPaths: ["/_next/static/*", "/static/*"],
    // Same names as atlas-data/buckets makes.
    assetsBucketDomain: `accountabilityatlas-${ctx.env.name}-${ctx.region.name}-static-assets.s3.${ctx.region.name}.amazonaws.com`,
    logBucketDomain: `accountabilityatlas-${ctx.env.name}-${ctx.region.name}-access-logs.s3.amazonaws.com`,
    rateLimitPer5Min: 9000,
    priceClass: "PriceClass_100" as const,
    logRetentionDays: ctx.settings.logRetentionDays,
  }),
});
