import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsManagedPassword as rule } from "./rds-managed-password";

describe("INF-RDS-013 managed master password", () => {
  it("Compliance: RDS-managed passwords pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: a literal password, and no managed password, fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["password"] = "hunter2";
    delete tf["aws_rds_cluster"]!["aurora"]!["manage_master_user_password"];
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-013", address: "aws_db_instance.db", attribute: "password", found: "(set)", expected: "unset, with manage_master_user_password = true" },
      { rule: "INF-RDS-013", address: "aws_rds_cluster.aurora", attribute: "manage_master_user_password", found: "unset", expected: "true" },
    ]);
  });
});
