import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsBackupRetention as rule } from "./rds-backup-retention";

ruleCases(rule, "INF-RDS-003 backup retention", {
  fixture: compliantDatabases,
  compliant: {
    name: "7 and 14 days pass; a read replica is not checked",
    mutate: (tf) => {
      tf["aws_db_instance"]!["replica"] = { replicate_source_db: "${aws_db_instance.db.identifier}" };
    },
    statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "1 day and an implicit default fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["backup_retention_period"] = 1;
        delete tf["aws_rds_cluster"]!["aurora"]!["backup_retention_period"];
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "backup_retention_period", found: "1", expected: ">= 7 (days, explicit)" },
        { address: "aws_rds_cluster.aurora", attribute: "backup_retention_period", found: "unset", expected: ">= 7 (days, explicit)" },
      ],
    },
  ],
});
