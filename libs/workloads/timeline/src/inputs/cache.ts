import { z } from "zod";
import { namePrefix, retentionDays } from "./common";

/**
 * Inputs of timeline-data/elasticache: seed 002's cache layer (pre-computed dimensional
 * relationships, sessions, query results) as a Redis cluster-mode replication group.
 */
export const timelineCacheInputs = z
  .object({
    /** Replication group id (max 40 characters). */
    name: namePrefix,
    nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'must be an ElastiCache node type like "cache.t4g.small"' }),
    engineVersion: z.string().regex(/^7\.\d+$/, { message: 'must be a Redis 7 version like "7.1" (IAM authentication needs Redis 7)' }),
    /** Cluster mode: shards. */
    shards: z.number().int().min(1).max(500),
    /** Replicas per shard (cluster mode needs at least 1 for automatic failover). */
    replicasPerShard: z.number().int().min(0).max(5),
    /**
     * Eviction under memory pressure. "volatile-lru": only keys with a TTL (query results, sessions)
     * are evicted; pre-computed relationships without TTL are never evicted.
     */
    maxmemoryPolicy: z.enum(["volatile-lru", "volatile-lfu", "volatile-ttl", "allkeys-lru", "allkeys-lfu", "noeviction"]),
    snapshotRetentionDays: z.number().int().min(1).max(35),
    logRetentionDays: retentionDays,
    deletionProtection: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.replicasPerShard < 1) {
      ctx.addIssue({ code: "custom", path: ["replicasPerShard"], message: "cluster mode needs automatic failover, which needs at least 1 replica per shard" });
    }
  });
export type TimelineCacheInputs = z.infer<typeof timelineCacheInputs>;
