/** DynamoDB rules (INF-DDB-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { dynamodbEncryption } from "./dynamodb-encryption";
import { dynamodbPitr } from "./dynamodb-pitr";
import { CMK } from "./helpers";

ruleCases(dynamodbEncryption, "INF-DDB-001 table encryption", {
  compliant: {
    name: "SSE with our key passes",
    input: () => ({ aws_kms_key: { k: {} }, aws_dynamodb_table: { t: { server_side_encryption: { enabled: true, kms_key_arn: "${aws_kms_key.k.arn}" } } } }),
    statuses: { "aws_dynamodb_table.t": "passed" },
  },
  noncompliant: [
    {
      name: "default encryption, and SSE with the AWS-managed key, fail",
      input: () => ({
        aws_dynamodb_table: {
          plain: {},
          managed: { server_side_encryption: { enabled: true } },
        },
      }),
      failures: [
        { address: "aws_dynamodb_table.plain", attribute: "server_side_encryption.enabled", found: "unset", expected: "true" },
        { address: "aws_dynamodb_table.managed", attribute: "server_side_encryption.kms_key_arn", found: "unset", expected: CMK },
      ],
    },
  ],
});

ruleCases(dynamodbPitr, "INF-DDB-002 point-in-time recovery", {
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
