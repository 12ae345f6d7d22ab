import { describe, expect, it } from "vitest";
import { throttleQueries } from "./dynamodb-throttles";

describe("DynamoDB throttle alarm queries (ARC-010 'DynamoDB Throttles: Any')", () => {
  it("sums read and write throttle events of the table (TableName) and of each index (TableName + GlobalSecondaryIndexName)", () => {
    const { queries, returnId } = throttleQueries("t", ["by_user", "by_flight"], "test");
    expect(returnId).toBe("throttles");
    expect(queries.map((q) => (q.expression !== undefined ? q.expression : `${q.metricName} ${JSON.stringify(q.dimensions)}`))).toEqual([
      'ReadThrottleEvents {"TableName":"t"}',
      'WriteThrottleEvents {"TableName":"t"}',
      'ReadThrottleEvents {"TableName":"t","GlobalSecondaryIndexName":"by_user"}',
      'WriteThrottleEvents {"TableName":"t","GlobalSecondaryIndexName":"by_user"}',
      'ReadThrottleEvents {"TableName":"t","GlobalSecondaryIndexName":"by_flight"}',
      'WriteThrottleEvents {"TableName":"t","GlobalSecondaryIndexName":"by_flight"}',
      "SUM(FILL(METRICS(), 0))",
    ]);
    // Never ThrottledRequests on TableName alone: AWS publishes it only with Operation.
    expect(JSON.stringify(queries)).not.toContain("ThrottledRequests");
  });

  it("refuses a table whose alarm would exceed CloudWatch's 10 metrics per alarm", () => {
    expect(() => throttleQueries("t", ["a", "b", "c", "d", "e"], "aerologue-ops/monitoring (t)")).toThrow(
      "aerologue-ops/monitoring (t): table t has 5 global secondary indexes; its throttle alarm would sum 12 metrics and CloudWatch allows 10 per alarm (split the alarm per index)",
    );
    expect(throttleQueries("t", ["a", "b", "c", "d"], "x").queries).toHaveLength(11);
  });
});
