import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsMultiAz as rule } from "./rds-multi-az";

ruleCases(rule, "INF-RDS-005 multi-AZ", {
  fixture: compliantDatabases,
  compliant: {
    name: "a Multi-AZ instance and an Aurora cluster with instances in two AZs pass",
    statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "a single-AZ instance, and Aurora instances pinned to one AZ, fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["multi_az"] = false;
        tf["aws_rds_cluster_instance"]!["two"]!["availability_zone"] = "us-east-1a";
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "multi_az", found: "false", expected: "true" },
        {
          address: "aws_rds_cluster.aurora",
          attribute: "aws_rds_cluster_instance.availability_zone",
          found: "us-east-1a, us-east-1a",
          expected: "a different AZ per instance",
        },
      ],
    },
    {
      name: "an Aurora cluster with one instance fails",
      mutate: (tf) => {
        delete tf["aws_rds_cluster_instance"]!["two"];
      },
      failures: [
        {
          address: "aws_rds_cluster.aurora",
          attribute: "aws_rds_cluster_instance",
          found: "1 instance(s)",
          expected: ">= 2 instances in different AZs",
        },
      ],
    },
  ],
});
