import { ruleCases } from "../rule-cases";
import { elasticacheResilience as rule } from "./elasticache-resilience";

ruleCases(rule, "INF-EC-002 ElastiCache resilience", {
  compliant: {
    name: "two nodes with failover and snapshots, a cluster-mode group with replicas, and a serverless cache with snapshots pass",
    input: () => ({
      aws_elasticache_replication_group: {
        r: { automatic_failover_enabled: true, multi_az_enabled: true, num_cache_clusters: 2, snapshot_retention_limit: 7 },
        c: { automatic_failover_enabled: true, multi_az_enabled: true, num_node_groups: 2, replicas_per_node_group: 1, snapshot_retention_limit: 1 },
      },
      aws_elasticache_serverless_cache: { s: { engine: "valkey", snapshot_retention_limit: 3 }, m: { engine: "memcached" } },
    }),
    statuses: {
      "aws_elasticache_replication_group.r": "passed",
      "aws_elasticache_replication_group.c": "passed",
      "aws_elasticache_serverless_cache.s": "passed",
    },
  },
  noncompliant: [
    {
      name: "a single node without failover or snapshots fails",
      input: () => ({ aws_elasticache_replication_group: { r: { num_cache_clusters: 1 } }, aws_elasticache_serverless_cache: { s: { engine: "redis" } } }),
      failures: [
        { address: "aws_elasticache_replication_group.r", attribute: "automatic_failover_enabled", found: "unset", expected: "true" },
        { address: "aws_elasticache_replication_group.r", attribute: "multi_az_enabled", found: "unset", expected: "true" },
        { address: "aws_elasticache_replication_group.r", attribute: "num_cache_clusters", found: "1", expected: ">= 2" },
        { address: "aws_elasticache_replication_group.r", attribute: "snapshot_retention_limit", found: "unset", expected: "> 0 (days)" },
        { address: "aws_elasticache_serverless_cache.s", attribute: "snapshot_retention_limit", found: "unset", expected: "> 0 (days)" },
      ],
    },
  ],
});
