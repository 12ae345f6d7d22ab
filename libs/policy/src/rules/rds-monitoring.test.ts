import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { CMK } from "./helpers";
import { rdsMonitoring as rule } from "./rds-monitoring";

ruleCases(rule, "INF-RDS-010 monitoring", {
  fixture: compliantDatabases,
  compliant: {
    name: "enhanced monitoring with a role and encrypted Performance Insights pass",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "an invalid interval, a missing role and PI without CMK fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["monitoring_interval"] = 0;
        tf["aws_db_instance"]!["db"]!["performance_insights_enabled"] = false;
        delete tf["aws_rds_cluster_instance"]!["one"]!["monitoring_role_arn"];
        delete tf["aws_rds_cluster_instance"]!["one"]!["performance_insights_kms_key_id"];
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "monitoring_interval", found: "0", expected: "one of 1, 5, 10, 15, 30, 60" },
        { address: "aws_db_instance.db", attribute: "performance_insights_enabled", found: "false", expected: "true" },
        {
          address: "aws_rds_cluster_instance.one",
          attribute: "monitoring_role_arn",
          found: "unset",
          expected: "the enhanced monitoring role",
        },
        { address: "aws_rds_cluster_instance.one", attribute: "performance_insights_kms_key_id", found: "unset", expected: CMK },
      ],
    },
  ],
});
