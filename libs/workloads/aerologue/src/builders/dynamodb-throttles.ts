import type { MetricQuery } from "@infra/monitoring";

/** CloudWatch evaluates at most 10 metrics in one metric-math alarm. */
export const MAX_ALARM_METRICS = 10;

/**
 * The metric-math queries of "any throttle on this table" (ARC-010 "DynamoDB Throttles: Any").
 *
 * AWS publishes DynamoDB's `ThrottledRequests` only per `TableName` + `Operation` (an alarm on
 * `TableName` alone gets no data), while `ReadThrottleEvents` / `WriteThrottleEvents` exist per
 * `TableName` for the table and per `TableName` + `GlobalSecondaryIndexName` for each index, over
 * every operation. So: the table's read and write throttle events plus each index's, summed, with
 * missing datapoints (no throttles, nothing published) counted as 0.
 */
export function throttleQueries(tableName: string, indexNames: readonly string[], where: string): { queries: MetricQuery[]; returnId: string } {
  const metrics = 2 + 2 * indexNames.length;
  if (metrics > MAX_ALARM_METRICS) {
    throw new Error(
      `${where}: table ${tableName} has ${indexNames.length} global secondary indexes; its throttle alarm would sum ${metrics} metrics and CloudWatch allows ${MAX_ALARM_METRICS} per alarm (split the alarm per index)`,
    );
  }
  const metric = (id: string, name: "ReadThrottleEvents" | "WriteThrottleEvents", index?: string): MetricQuery => ({
    id,
    namespace: "AWS/DynamoDB",
    metricName: name,
    dimensions: index === undefined ? { TableName: tableName } : { TableName: tableName, GlobalSecondaryIndexName: index },
    stat: "Sum",
  });
  const queries: MetricQuery[] = [metric("table_reads", "ReadThrottleEvents"), metric("table_writes", "WriteThrottleEvents")];
  indexNames.forEach((index, i) => queries.push(metric(`gsi${i}_reads`, "ReadThrottleEvents", index), metric(`gsi${i}_writes`, "WriteThrottleEvents", index)));
  queries.push({ id: "throttles", expression: "SUM(FILL(METRICS(), 0))", label: "throttle events (table + indexes)" });
  return { queries, returnId: "throttles" };
}
