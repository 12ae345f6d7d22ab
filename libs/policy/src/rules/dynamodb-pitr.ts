import { mustBeTrue, requirementRule } from "./requirements";

/** Point-in-time recovery is the only undo for a bad write to a table. */
export const dynamodbPitr = requirementRule({
  id: "INF-DDB-002",
  title: "DynamoDB table has point-in-time recovery",
  mirrors: ["CKV_AWS_28", "AwsSolutions-DDB3"],
  catalogue: [17],
  resourceTypes: ["aws_dynamodb_table"],
  severity: "high",
  requires: [mustBeTrue("point_in_time_recovery.enabled")],
});
