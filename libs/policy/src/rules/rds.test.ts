import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsManagedPassword as rule } from "./rds-managed-password";

ruleCases(rule, "INF-RDS-013 managed master password", {
  fixture: compliantDatabases,
  compliant: [
    { name: "RDS-managed passwords pass", statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" } },
    {
      name: "a write-only password with its version passes (nothing in state)",
      mutate: (tf) => {
        delete tf["aws_db_instance"]!["db"]!["manage_master_user_password"];
        tf["aws_db_instance"]!["db"]!["password_wo"] = "${jsondecode(ephemeral.aws_secretsmanager_secret_version.stored.secret_string).password}";
        tf["aws_db_instance"]!["db"]!["password_wo_version"] = 1;
      },
      statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
    },
  ],
  noncompliant: [
    {
      name: "a literal password, no managed password, and a write-only password without its version fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["password"] = "hunter2";
        delete tf["aws_rds_cluster"]!["aurora"]!["manage_master_user_password"];
        tf["aws_rds_cluster"]!["aurora"]!["master_password_wo"] = "${var.p}";
      },
      failures: [
        {
          address: "aws_db_instance.db",
          attribute: "password",
          found: "(set)",
          expected: "unset, with manage_master_user_password = true or password_wo",
        },
        {
          address: "aws_rds_cluster.aurora",
          attribute: "manage_master_user_password",
          found: "unset",
          expected: "true, or master_password_wo with master_password_wo_version",
        },
      ],
    },
  ],
});
