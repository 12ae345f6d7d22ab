import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsNotPublic as rule } from "./rds-not-public";

const subnets = {
  attribute: "aws_db_subnet_group.private.subnet_ids",
  found: "aws_subnet.b",
  expected: "private subnets only (map_public_ip_on_launch false)",
};

ruleCases(rule, "INF-RDS-002 not public", {
  fixture: compliantDatabases,
  compliant: {
    name: "private instances (and Aurora instances through their cluster) pass",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "a public endpoint and a subnet group with a public subnet fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["publicly_accessible"] = true;
        tf["aws_subnet"]!["b"]!["map_public_ip_on_launch"] = true;
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "publicly_accessible", found: "true", expected: "false" },
        { ...subnets, address: "aws_db_instance.db" },
        { ...subnets, address: "aws_rds_cluster_instance.one" },
        { ...subnets, address: "aws_rds_cluster_instance.two" },
      ],
    },
  ],
});
