import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsDeletionProtection as rule } from "./rds-deletion-protection";

describe("INF-RDS-004 deletion protection", () => {
  it("Compliance: protected databases pass, including a replica that skips the final snapshot", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["replica"] = { replicate_source_db: "${aws_db_instance.db.arn}", deletion_protection: true, skip_final_snapshot: true };
    expect(statuses(rule, tf)).toEqual({ "aws_db_instance.db": "passed", "aws_db_instance.replica": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: no protection and skipping the final snapshot fail", () => {
    const tf = clone(compliantDatabases());
    delete tf["aws_db_instance"]!["db"]!["deletion_protection"];
    tf["aws_rds_cluster"]!["aurora"]!["skip_final_snapshot"] = true;
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-004", address: "aws_db_instance.db", attribute: "deletion_protection", found: "unset", expected: "true" },
      { rule: "INF-RDS-004", address: "aws_rds_cluster.aurora", attribute: "skip_final_snapshot", found: "true", expected: "false" },
    ]);
  });
});
