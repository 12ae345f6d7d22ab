import type { Dependency } from "@infra/config";
import { SERVICE_NAMES, atlasRedisInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inDr, inPrimary, KMS, prefix } from "../features";
import { vpc } from "../network/vpc";
import { secrets } from "../security/secrets";
import { atlasModule } from "../workload";

/**
 * Phase 2+: ElastiCache Redis (phase 2 cache.t3.medium; phase 3+ per the staging/production table).
 * Phase 4 prod, DR region (ADR 0106): one small standing node with the primary's AUTH token (its
 * replica). Standing, not created at activation: the state of every stack lives in us-east-1, so an
 * activation during a us-east-1 outage cannot run Terraform, and the services verify the cache's TLS
 * name (no alias can stand in for an endpoint created later).
 */
export const DR_CACHE = { nodeType: "cache.t4g.small", nodes: 1 } as const;
export const redis = atlasModule("data/redis", {
  schema: atlasRedisInputs,
  enabled: (ctx: AtlasContext) => (inPrimary(ctx) && features(ctx).redis !== undefined) || inDr(ctx),
  // The DR copy's token is a replica of the primary region's secret.
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => ({ kms: KMS, vpc, secrets: inDr(ctx) ? { module: secrets, region: "primary" } : secrets }),
  waivers: (ctx: AtlasContext) =>
    (inDr(ctx) ? DR_CACHE.nodes : (features(ctx).redis?.nodes ?? 1)) >= 2
      ? []
      : [
          {
            rule: "INF-EC-002",
            address: "aws_elasticache_replication_group.*",
            reason:
              "Seed 001 ElastiCache: a single cache.t3.medium node in phase 2 and in staging (a cache that rebuilds on restart); production gets 2 nodes Multi-AZ from phase 3. The phase-4 DR copy (ADR 0106) is one small node: a cache that warms up after activation.",
          },
        ],
  defaults: (ctx: AtlasContext) => {
    const r = inDr(ctx) ? DR_CACHE : features(ctx).redis;
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
      ...(inDr(ctx) ? { authTokenReplicaOf: { primaryRegion: ctx.primaryRegion.name } } : {}),
    };
  },
});
