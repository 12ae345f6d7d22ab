import { ruleCases } from "../rule-cases";
import { sgDataTier as rule } from "./sg-data-tier";

const expected = "ingress only from security groups (source_security_group_id / referenced_security_group_id)";

ruleCases(rule, "INF-SG-003 data-tier security groups", {
  compliant: {
    name: "a DB SG open only to the app SG passes; a non-data SG is not checked",
    input: () => ({
      aws_security_group: { db: {}, app: { ingress: [{ protocol: "tcp", from_port: 80, to_port: 80, cidr_blocks: ["10.0.0.0/8"] }] } },
      aws_db_instance: { pg: { vpc_security_group_ids: ["${aws_security_group.db.id}"] } },
      aws_vpc_security_group_ingress_rule: {
        fromApp: {
          security_group_id: "${aws_security_group.db.id}",
          ip_protocol: "tcp",
          from_port: 5432,
          to_port: 5432,
          referenced_security_group_id: "${aws_security_group.app.id}",
        },
      },
    }),
    statuses: { "aws_security_group.db": "passed" },
  },
  noncompliant: [
    {
      name: "CIDR ingress to a cache SG fails, inline or standalone",
      input: () => ({
        aws_security_group: { cache: { ingress: [{ protocol: "tcp", from_port: 6379, to_port: 6379, cidr_blocks: ["10.0.0.0/16"] }] } },
        aws_elasticache_replication_group: { r: { security_group_ids: ["${aws_security_group.cache.id}"] } },
        aws_security_group_rule: {
          vpc: {
            type: "ingress",
            security_group_id: "${aws_security_group.cache.id}",
            protocol: "tcp",
            from_port: 6379,
            to_port: 6379,
            cidr_blocks: ["10.1.0.0/16"],
          },
        },
      }),
      failures: [
        { address: "aws_security_group.cache", attribute: "ingress[0]", found: "tcp 6379 from 10.0.0.0/16", expected },
        { address: "aws_security_group.cache", attribute: "aws_security_group_rule.vpc", found: "tcp 6379 from 10.1.0.0/16", expected },
      ],
    },
  ],
});
