import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsLogExports as rule } from "./rds-log-exports";

describe("INF-RDS-011 log exports", () => {
  it("Compliance: exported postgresql logs pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: an empty export list fails", () => {
    const tf = clone(compliantDatabases());
    tf["aws_rds_cluster"]!["aurora"]!["enabled_cloudwatch_logs_exports"] = [];
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-RDS-011",
        address: "aws_rds_cluster.aurora",
        attribute: "enabled_cloudwatch_logs_exports",
        found: "[]",
        expected: "a non-empty list (e.g. postgresql)",
      },
    ]);
  });
});
