import type { Dependency, RegionName } from "@infra/config";
import { type AtlasCdnInputs, atlasCdnInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS, prefix } from "../features";
import { buckets } from "../data/buckets";
import { zone } from "../dns/zone";
import { atlasModule } from "../workload";

/**
 * Phase 4 prod (ADR 0106): the static paths fail over to the DR region's replica of the static-assets
 * bucket (same name pattern as atlas-data/buckets; S3 replication keeps it filled). 403/404 too: a
 * bucket S3 refuses or a key it lacks answers so, and the replica may hold it.
 */
function staticFailover(ctx: AtlasContext): Pick<AtlasCdnInputs, "staticFailover"> {
  const dr = features(ctx).dr;
  if (!dr) return {};
  return {
    staticFailover: {
      region: dr.region,
      replicaBucketDomain: `accountabilityatlas-${ctx.env.name}-${dr.region}-static-assets.s3.${dr.region}.amazonaws.com`,
      statusCodes: [403, 404, 500, 502, 503, 504],
    },
  };
}

/** Phase 3+ prod: CloudFront for static assets, SSR and API through the ALB. */
export const cdn = atlasModule("edge/cdn", {
  schema: atlasCdnInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && features(ctx).cdn,
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => {
    const dr = features(ctx).dr;
    return {
      kms: KMS,
      zone,
      buckets,
      // Phase 4: the replica bucket (the origin group's secondary) exists before the distribution names it.
      ...(dr ? { drBuckets: { module: buckets, region: dr.region as RegionName } } : {}),
    };
  },
  defaults: (ctx: AtlasContext) => ({
    ...staticFailover(ctx),
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
