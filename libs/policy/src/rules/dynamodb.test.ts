import { ruleCases } from "../rule-cases";
import { CMK } from "./helpers";
import { dynamodbEncryption as rule } from "./dynamodb-encryption";

ruleCases(rule, "INF-DDB-001 table encryption", {
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
