import { timelineCacheInputs } from "@infra/timeline-inputs";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { timelineModule } from "../workload";

/**
 * Seed 002 cache layer: ElastiCache Redis in cluster mode for pre-computed dimensional
 * relationships, sessions and query results. Defaults are the smallest cluster-mode group (one
 * shard, one replica: cluster mode needs automatic failover); prod adds shards and replicas.
 */
export const elasticache = timelineModule("data/elasticache", {
  builder: "cache",
  schema: timelineCacheInputs,
  dependencies: {
    vpc,
    kms,
  },
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-timeline`,
    nodeType: "cache.t4g.micro",
    engineVersion: "7.1",
    shards: 1,
    replicasPerShard: 1,
    // Query results and sessions carry a TTL and may be evicted; pre-computed relationships never are.
    maxmemoryPolicy: "volatile-lru" as const,
    snapshotRetentionDays: 7,
    logRetentionDays: settings.logRetentionDays,
    deletionProtection: settings.deletionProtection,
  }),
});
