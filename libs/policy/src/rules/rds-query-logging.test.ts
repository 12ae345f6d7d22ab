import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { rdsQueryLogging as rule } from "./rds-query-logging";

describe("INF-RDS-012 PostgreSQL query logging", () => {
  it("Compliance: log_statement ddl and a duration threshold pass; MySQL is not checked", () => {
    const tf = {
      aws_rds_cluster_parameter_group: {
        apg: {
          family: "aurora-postgresql16",
          parameter: [
            { name: "log_statement", value: "ddl" },
            { name: "log_min_duration_statement", value: 1000 },
          ],
        },
        amy: { family: "aurora-mysql8.0" },
      },
    };
    expect(statuses(rule, tf)).toEqual({ "aws_rds_cluster_parameter_group.apg": "passed" });
  });

  it("Noncompliance: log_statement none and no duration threshold fail", () => {
    const tf = { aws_db_parameter_group: { pg: { family: "postgres16", parameter: [{ name: "log_statement", value: "none" }] } } };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-012", address: "aws_db_parameter_group.pg", attribute: "parameter[log_statement]", found: "none", expected: "ddl, mod or all" },
      {
        rule: "INF-RDS-012",
        address: "aws_db_parameter_group.pg",
        attribute: "parameter[log_min_duration_statement]",
        found: "unset",
        expected: "a threshold in ms (not -1)",
      },
    ]);
  });
});
