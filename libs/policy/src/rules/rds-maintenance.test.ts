import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsMaintenance as rule } from "./rds-maintenance";

ruleCases(rule, "INF-RDS-009 minor upgrades and snapshot tags", {
  fixture: compliantDatabases,
  compliant: {
    name: "defaults for upgrades and copied tags pass",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster.aurora": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "disabled minor upgrades and uncopied tags fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["auto_minor_version_upgrade"] = false;
        tf["aws_rds_cluster_instance"]!["one"]!["auto_minor_version_upgrade"] = false;
        delete tf["aws_rds_cluster"]!["aurora"]!["copy_tags_to_snapshot"];
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "auto_minor_version_upgrade", found: "false", expected: "true (or unset)" },
        { address: "aws_rds_cluster.aurora", attribute: "copy_tags_to_snapshot", found: "unset", expected: "true" },
        { address: "aws_rds_cluster_instance.one", attribute: "auto_minor_version_upgrade", found: "false", expected: "true (or unset)" },
      ],
    },
  ],
});
