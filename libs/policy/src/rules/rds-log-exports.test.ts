import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsLogExports as rule } from "./rds-log-exports";

ruleCases(rule, "INF-RDS-011 log exports", {
  fixture: compliantDatabases,
  compliant: { name: "exported postgresql logs pass", statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" } },
  noncompliant: [
    {
      name: "an empty export list fails",
      mutate: (tf) => {
        tf["aws_rds_cluster"]!["aurora"]!["enabled_cloudwatch_logs_exports"] = [];
      },
      failures: [
        {
          address: "aws_rds_cluster.aurora",
          attribute: "enabled_cloudwatch_logs_exports",
          found: "[]",
          expected: "a non-empty list (e.g. postgresql)",
        },
      ],
    },
  ],
});
