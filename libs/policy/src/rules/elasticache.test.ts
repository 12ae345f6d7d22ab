import { ruleCases } from "../rule-cases";
import { CMK } from "./helpers";
import { elasticacheSecurity as rule } from "./elasticache-security";

const base = {
  aws_kms_key: { k: {} },
  aws_subnet: { a: {}, pub: { map_public_ip_on_launch: true } },
  aws_elasticache_subnet_group: { private: { subnet_ids: ["${aws_subnet.a.id}"] } },
};

ruleCases(rule, "INF-EC-001 ElastiCache encryption and auth", {
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
