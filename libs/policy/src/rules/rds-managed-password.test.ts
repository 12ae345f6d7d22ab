import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsManagedPassword as rule } from "./rds-managed-password";

describe("INF-RDS-013 managed master password", () => {
  it("Compliance: RDS-managed passwords pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Compliance: a write-only password with its version passes (nothing in state)", () => {
    const tf = clone(compliantDatabases());
    delete tf["aws_db_instance"]!["db"]!["manage_master_user_password"];
    tf["aws_db_instance"]!["db"]!["password_wo"] = "${jsondecode(ephemeral.aws_secretsmanager_secret_version.stored.secret_string).password}";
    tf["aws_db_instance"]!["db"]!["password_wo_version"] = 1;
    expect(statuses(rule, tf)).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: a literal password, no managed password, and a write-only password without its version fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["password"] = "hunter2";
    delete tf["aws_rds_cluster"]!["aurora"]!["manage_master_user_password"];
    tf["aws_rds_cluster"]!["aurora"]!["master_password_wo"] = "${var.p}";
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-RDS-013",
        address: "aws_db_instance.db",
        attribute: "password",
        found: "(set)",
        expected: "unset, with manage_master_user_password = true or password_wo",
      },
      {
        rule: "INF-RDS-013",
        address: "aws_rds_cluster.aurora",
        attribute: "manage_master_user_password",
        found: "unset",
        expected: "true, or master_password_wo with master_password_wo_version",
      },
    ]);
  });
});
