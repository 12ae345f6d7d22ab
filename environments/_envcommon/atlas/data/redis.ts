import { defineModule } from "@infra/config";
import { SERVICE_NAMES, atlasRedisInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS, prefix } from "../features";
import { vpc } from "../network/vpc";
import { secrets } from "../security/secrets";

/** Phase 2+: ElastiCache Redis (phase 2 cache.t3.medium; phase 3+ per the staging/production table). */
export const redis = defineModule({
  workload: "atlas",
  category: "atlas-data",
  module: "redis",
  builder: "atlas/redis",
  schema: atlasRedisInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && features(ctx).redis !== undefined,
  dependencies: { kms: KMS, vpc, secrets },
  waivers: (ctx: AtlasContext) =>
    (features(ctx).redis?.nodes ?? 1) >= 2
      ? []
      : [
          {
            rule: "INF-EC-002",
            address: "aws_elasticache_replication_group.*",
            reason:
              "Seed 001 ElastiCache: a single cache.t3.medium node in phase 2 and in staging (a cache that rebuilds on restart); production gets 2 nodes Multi-AZ from phase 3.",
          },
        ],
  defaults: (ctx: AtlasContext) => {
    const r = features(ctx).redis;
    return {
      replicationGroupId: prefix(ctx),
      nodeType: r?.nodeType,
      nodes: r?.nodes,
      logRetentionDays: ctx.settings.logRetentionDays,
      deletionProtection: ctx.settings.deletionProtection,
      // Phase 1 compose: every service shares the redis container.
      clients: [...SERVICE_NAMES],
      // ROTATE keeps the previous token valid while tasks restart; SET drops it afterwards (ADR 0100).
      authTokenUpdateStrategy: "ROTATE" as const,
    };
  },
});
