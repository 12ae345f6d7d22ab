import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { CMK } from "./helpers";
import { rdsMonitoring as rule } from "./rds-monitoring";

describe("INF-RDS-010 monitoring", () => {
  it("Compliance: enhanced monitoring with a role and encrypted Performance Insights pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    });
  });

  it("Noncompliance: an invalid interval, a missing role and PI without CMK fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["monitoring_interval"] = 0;
    tf["aws_db_instance"]!["db"]!["performance_insights_enabled"] = false;
    delete tf["aws_rds_cluster_instance"]!["one"]!["monitoring_role_arn"];
    delete tf["aws_rds_cluster_instance"]!["one"]!["performance_insights_kms_key_id"];
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-010", address: "aws_db_instance.db", attribute: "monitoring_interval", found: "0", expected: "one of 1, 5, 10, 15, 30, 60" },
      { rule: "INF-RDS-010", address: "aws_db_instance.db", attribute: "performance_insights_enabled", found: "false", expected: "true" },
      {
        rule: "INF-RDS-010",
        address: "aws_rds_cluster_instance.one",
        attribute: "monitoring_role_arn",
        found: "unset",
        expected: "the enhanced monitoring role",
      },
      { rule: "INF-RDS-010", address: "aws_rds_cluster_instance.one", attribute: "performance_insights_kms_key_id", found: "unset", expected: CMK },
    ]);
  });
});
