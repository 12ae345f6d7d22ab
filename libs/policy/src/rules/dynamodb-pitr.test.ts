import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { dynamodbPitr as rule } from "./dynamodb-pitr";

describe("INF-DDB-002 point-in-time recovery", () => {
  it("Compliance: PITR enabled passes", () => {
    expect(statuses(rule, { aws_dynamodb_table: { t: { point_in_time_recovery: { enabled: true } } } })).toEqual({ "aws_dynamodb_table.t": "passed" });
  });

  it("Noncompliance: PITR off fails", () => {
    expect(failures(rule, { aws_dynamodb_table: { t: { point_in_time_recovery: { enabled: false } } } })).toEqual([
      { rule: "INF-DDB-002", address: "aws_dynamodb_table.t", attribute: "point_in_time_recovery.enabled", found: "false", expected: "true" },
    ]);
  });
});
