import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsNotPublic as rule } from "./rds-not-public";

describe("INF-RDS-002 not public", () => {
  it("Compliance: private instances (and Aurora instances through their cluster) pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    });
  });

  it("Noncompliance: a public endpoint and a subnet group with a public subnet fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["publicly_accessible"] = true;
    tf["aws_subnet"]!["b"]!["map_public_ip_on_launch"] = true;
    const subnets = {
      rule: "INF-RDS-002",
      attribute: "aws_db_subnet_group.private.subnet_ids",
      found: "aws_subnet.b",
      expected: "private subnets only (map_public_ip_on_launch false)",
    };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-002", address: "aws_db_instance.db", attribute: "publicly_accessible", found: "true", expected: "false" },
      { ...subnets, address: "aws_db_instance.db" },
      { ...subnets, address: "aws_rds_cluster_instance.one" },
      { ...subnets, address: "aws_rds_cluster_instance.two" },
    ]);
  });
});
