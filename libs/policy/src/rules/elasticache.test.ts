/** ElastiCache rules (INF-EC-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { elasticacheResilience } from "./elasticache-resilience";
import { elasticacheSecurity } from "./elasticache-security";
import { CMK } from "./helpers";

const base = {
  aws_kms_key: { k: {} },
  aws_subnet: { a: {}, pub: { map_public_ip_on_launch: true } },
  aws_elasticache_subnet_group: { private: { subnet_ids: ["${aws_subnet.a.id}"] } },
};

ruleCases(elasticacheSecurity, "INF-EC-001 ElastiCache encryption and auth", {
  compliant: {
    name: "an encrypted, authenticated, private replication group and serverless cache pass",
    input: () => ({
      ...base,
      aws_elasticache_replication_group: {
        r: {
          at_rest_encryption_enabled: "true",
          kms_key_id: "${aws_kms_key.k.arn}",
          transit_encryption_enabled: true,
          auth_token: "${aws_secretsmanager_secret_version.t.secret_string}",
          subnet_group_name: "${aws_elasticache_subnet_group.private.name}",
        },
      },
      aws_elasticache_serverless_cache: {
        s: { engine: "valkey", kms_key_id: "${aws_kms_key.k.arn}", subnet_ids: ["${aws_subnet.a.id}"], user_group_id: "${aws_elasticache_user_group.g.id}" },
      },
    }),
    statuses: { "aws_elasticache_replication_group.r": "passed", "aws_elasticache_serverless_cache.s": "passed" },
  },
  noncompliant: [
    {
      name: "plaintext, unauthenticated, public caches fail on each attribute",
      input: () => ({
        ...base,
        aws_elasticache_subnet_group: { public: { subnet_ids: ["${aws_subnet.pub.id}"] } },
        aws_elasticache_replication_group: { r: { transit_encryption_enabled: false, subnet_group_name: "${aws_elasticache_subnet_group.public.name}" } },
        aws_elasticache_serverless_cache: { s: { engine: "redis", subnet_ids: ["${aws_subnet.pub.id}"] } },
      }),
      failures: [
        { address: "aws_elasticache_replication_group.r", attribute: "at_rest_encryption_enabled", found: "unset", expected: "true" },
        { address: "aws_elasticache_replication_group.r", attribute: "kms_key_id", found: "unset", expected: CMK },
        { address: "aws_elasticache_replication_group.r", attribute: "transit_encryption_enabled", found: "false", expected: "true" },
        {
          address: "aws_elasticache_replication_group.r",
          attribute: "auth_token / user_group_ids",
          found: "unset",
          expected: "an auth token or RBAC user groups",
        },
        {
          address: "aws_elasticache_replication_group.r",
          attribute: "aws_elasticache_subnet_group.public.subnet_ids",
          found: "aws_subnet.pub",
          expected: "private subnets only (map_public_ip_on_launch false)",
        },
        { address: "aws_elasticache_serverless_cache.s", attribute: "kms_key_id", found: "unset", expected: CMK },
        {
          address: "aws_elasticache_serverless_cache.s",
          attribute: "subnet_ids",
          found: "aws_subnet.pub",
          expected: "private subnets only (map_public_ip_on_launch false)",
        },
        {
          address: "aws_elasticache_serverless_cache.s",
          attribute: "user_group_id",
          found: "unset",
          expected: "an RBAC user group (no anonymous default user)",
        },
      ],
    },
  ],
});

ruleCases(elasticacheResilience, "INF-EC-002 ElastiCache resilience", {
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
