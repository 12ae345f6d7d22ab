import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsIamAuth as rule } from "./rds-iam-auth";

ruleCases(rule, "INF-RDS-006 IAM auth", {
  fixture: compliantDatabases,
  compliant: {
    name: "IAM auth on passes; SQL Server is not applicable",
    mutate: (tf) => {
      tf["aws_db_instance"]!["mssql"] = { engine: "sqlserver-se" };
    },
    statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "IAM auth off fails",
      mutate: (tf) => {
        tf["aws_rds_cluster"]!["aurora"]!["iam_database_authentication_enabled"] = false;
      },
      failures: [{ address: "aws_rds_cluster.aurora", attribute: "iam_database_authentication_enabled", found: "false", expected: "true" }],
    },
  ],
});
