import { ruleCases } from "../rule-cases";
import { dynamodbPitr as rule } from "./dynamodb-pitr";

ruleCases(rule, "INF-DDB-002 point-in-time recovery", {
  compliant: {
    name: "PITR enabled passes",
    input: () => ({ aws_dynamodb_table: { t: { point_in_time_recovery: { enabled: true } } } }),
    statuses: { "aws_dynamodb_table.t": "passed" },
  },
  noncompliant: [
    {
      name: "PITR off fails",
      input: () => ({ aws_dynamodb_table: { t: { point_in_time_recovery: { enabled: false } } } }),
      failures: [{ address: "aws_dynamodb_table.t", attribute: "point_in_time_recovery.enabled", found: "false", expected: "true" }],
    },
  ],
});
