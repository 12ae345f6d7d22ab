import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsIamAuth as rule } from "./rds-iam-auth";

describe("INF-RDS-006 IAM auth", () => {
  it("Compliance: IAM auth on passes; SQL Server is not applicable", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["mssql"] = { engine: "sqlserver-se" };
    expect(statuses(rule, tf)).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: IAM auth off fails", () => {
    const tf = clone(compliantDatabases());
    tf["aws_rds_cluster"]!["aurora"]!["iam_database_authentication_enabled"] = false;
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-006", address: "aws_rds_cluster.aurora", attribute: "iam_database_authentication_enabled", found: "false", expected: "true" },
    ]);
  });
});
