import type { PolicyRule } from "../types";
import { asNumber, finding, requireTrue } from "./helpers";

/**
 * A replica in another AZ with automatic failover survives a node or AZ loss; snapshots survive
 * a bad flush. Serverless caches are multi-AZ by design, only their snapshots are ours to set.
 */
export const elasticacheResilience: PolicyRule = {
  id: "INF-EC-002",
  title: "ElastiCache has failover across AZs with >= 2 nodes and keeps snapshots",
  mirrors: ["CKV2_AWS_50", "CKV_AWS_134", "AwsSolutions-AEC4"],
  catalogue: [19],
  resourceTypes: ["aws_elasticache_replication_group", "aws_elasticache_serverless_cache"],
  severity: "medium",
  appliesTo: (cache) => cache.values["engine"] !== "memcached",
  check(cache) {
    const v = cache.values;
    const out = [];
    if (cache.type === "aws_elasticache_replication_group") {
      out.push(...requireTrue(v, "automatic_failover_enabled"), ...requireTrue(v, "multi_az_enabled"));
      // Cluster mode sizes by shards × (1 + replicas); otherwise by num_cache_clusters.
      const replicas = asNumber(v["replicas_per_node_group"]);
      const nodes = replicas !== undefined ? 1 + replicas : (asNumber(v["num_cache_clusters"]) ?? 1);
      if (nodes < 2)
        out.push(
          finding(
            replicas !== undefined ? "replicas_per_node_group" : "num_cache_clusters",
            replicas ?? v["num_cache_clusters"],
            replicas !== undefined ? ">= 1" : ">= 2",
          ),
        );
    }
    if ((asNumber(v["snapshot_retention_limit"]) ?? 0) <= 0) out.push(finding("snapshot_retention_limit", v["snapshot_retention_limit"], "> 0 (days)"));
    return out;
  },
};
