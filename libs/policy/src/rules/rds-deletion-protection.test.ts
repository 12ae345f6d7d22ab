import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsDeletionProtection as rule } from "./rds-deletion-protection";

ruleCases(rule, "INF-RDS-004 deletion protection", {
  fixture: compliantDatabases,
  compliant: {
    name: "protected databases pass, including a replica that skips the final snapshot",
    mutate: (tf) => {
      tf["aws_db_instance"]!["replica"] = { replicate_source_db: "${aws_db_instance.db.arn}", deletion_protection: true, skip_final_snapshot: true };
    },
    statuses: { "aws_db_instance.db": "passed", "aws_db_instance.replica": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "no protection and skipping the final snapshot fail",
      mutate: (tf) => {
        delete tf["aws_db_instance"]!["db"]!["deletion_protection"];
        tf["aws_rds_cluster"]!["aurora"]!["skip_final_snapshot"] = true;
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "deletion_protection", found: "unset", expected: "true" },
        { address: "aws_rds_cluster.aurora", attribute: "skip_final_snapshot", found: "true", expected: "false" },
      ],
    },
  ],
});
