import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsMaintenance as rule } from "./rds-maintenance";

describe("INF-RDS-009 minor upgrades and snapshot tags", () => {
  it("Compliance: defaults for upgrades and copied tags pass", () => {
    expect(Object.values(statuses(rule, compliantDatabases()))).toEqual(["passed", "passed", "passed", "passed"]);
  });

  it("Noncompliance: disabled minor upgrades and uncopied tags fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["auto_minor_version_upgrade"] = false;
    tf["aws_rds_cluster_instance"]!["one"]!["auto_minor_version_upgrade"] = false;
    delete tf["aws_rds_cluster"]!["aurora"]!["copy_tags_to_snapshot"];
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-009", address: "aws_db_instance.db", attribute: "auto_minor_version_upgrade", found: "false", expected: "true (or unset)" },
      { rule: "INF-RDS-009", address: "aws_rds_cluster.aurora", attribute: "copy_tags_to_snapshot", found: "unset", expected: "true" },
      { rule: "INF-RDS-009", address: "aws_rds_cluster_instance.one", attribute: "auto_minor_version_upgrade", found: "false", expected: "true (or unset)" },
    ]);
  });
});
