import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsBackupRetention as rule } from "./rds-backup-retention";

describe("INF-RDS-003 backup retention", () => {
  it("Compliance: 7 and 14 days pass; a read replica is not checked", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["replica"] = { replicate_source_db: "${aws_db_instance.db.identifier}" };
    expect(statuses(rule, tf)).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: 1 day and an implicit default fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["backup_retention_period"] = 1;
    delete tf["aws_rds_cluster"]!["aurora"]!["backup_retention_period"];
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-003", address: "aws_db_instance.db", attribute: "backup_retention_period", found: "1", expected: ">= 7 (days, explicit)" },
      { rule: "INF-RDS-003", address: "aws_rds_cluster.aurora", attribute: "backup_retention_period", found: "unset", expected: ">= 7 (days, explicit)" },
    ]);
  });
});
