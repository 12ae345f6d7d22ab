import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { elasticacheResilience as rule } from "./elasticache-resilience";

describe("INF-EC-002 ElastiCache resilience", () => {
  it("Compliance: two nodes with failover and snapshots, a cluster-mode group with replicas, and a serverless cache with snapshots pass", () => {
    const tf = {
      aws_elasticache_replication_group: {
        r: { automatic_failover_enabled: true, multi_az_enabled: true, num_cache_clusters: 2, snapshot_retention_limit: 7 },
        c: { automatic_failover_enabled: true, multi_az_enabled: true, num_node_groups: 2, replicas_per_node_group: 1, snapshot_retention_limit: 1 },
      },
      aws_elasticache_serverless_cache: { s: { engine: "valkey", snapshot_retention_limit: 3 }, m: { engine: "memcached" } },
    };
    expect(statuses(rule, tf)).toEqual({
      "aws_elasticache_replication_group.r": "passed",
      "aws_elasticache_replication_group.c": "passed",
      "aws_elasticache_serverless_cache.s": "passed",
    });
  });

  it("Noncompliance: a single node without failover or snapshots fails", () => {
    const tf = { aws_elasticache_replication_group: { r: { num_cache_clusters: 1 } }, aws_elasticache_serverless_cache: { s: { engine: "redis" } } };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-EC-002", address: "aws_elasticache_replication_group.r", attribute: "automatic_failover_enabled", found: "unset", expected: "true" },
      { rule: "INF-EC-002", address: "aws_elasticache_replication_group.r", attribute: "multi_az_enabled", found: "unset", expected: "true" },
      { rule: "INF-EC-002", address: "aws_elasticache_replication_group.r", attribute: "num_cache_clusters", found: "1", expected: ">= 2" },
      { rule: "INF-EC-002", address: "aws_elasticache_replication_group.r", attribute: "snapshot_retention_limit", found: "unset", expected: "> 0 (days)" },
      { rule: "INF-EC-002", address: "aws_elasticache_serverless_cache.s", attribute: "snapshot_retention_limit", found: "unset", expected: "> 0 (days)" },
    ]);
  });
});
