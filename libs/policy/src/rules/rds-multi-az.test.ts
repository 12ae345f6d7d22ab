import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsMultiAz as rule } from "./rds-multi-az";

describe("INF-RDS-005 multi-AZ", () => {
  it("Compliance: a Multi-AZ instance and an Aurora cluster with instances in two AZs pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: a single-AZ instance, and Aurora instances pinned to one AZ, fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["multi_az"] = false;
    tf["aws_rds_cluster_instance"]!["two"]!["availability_zone"] = "us-east-1a";
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-005", address: "aws_db_instance.db", attribute: "multi_az", found: "false", expected: "true" },
      {
        rule: "INF-RDS-005",
        address: "aws_rds_cluster.aurora",
        attribute: "aws_rds_cluster_instance.availability_zone",
        found: "us-east-1a, us-east-1a",
        expected: "a different AZ per instance",
      },
    ]);
  });

  it("Noncompliance: an Aurora cluster with one instance fails", () => {
    const tf = clone(compliantDatabases());
    delete tf["aws_rds_cluster_instance"]!["two"];
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-RDS-005",
        address: "aws_rds_cluster.aurora",
        attribute: "aws_rds_cluster_instance",
        found: "1 instance(s)",
        expected: ">= 2 instances in different AZs",
      },
    ]);
  });
});
