import type { PolicyRule } from "../types";
import { requireTrue } from "./helpers";

/** Point-in-time recovery is the only undo for a bad write to a table. */
export const dynamodbPitr: PolicyRule = {
  id: "INF-DDB-002",
  title: "DynamoDB table has point-in-time recovery",
  mirrors: ["CKV_AWS_28", "AwsSolutions-DDB3"],
  catalogue: [17],
  resourceTypes: ["aws_dynamodb_table"],
  severity: "high",
  check: (table) => requireTrue(table.values, "point_in_time_recovery.enabled"),
};
