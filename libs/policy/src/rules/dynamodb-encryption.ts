import type { PolicyRule } from "../types";
import { finding, get, isCmk, isTrue, CMK } from "./helpers";

/** The default AWS-owned key cannot be audited or revoked; our key can (the lock table included). */
export const dynamodbEncryption: PolicyRule = {
  id: "INF-DDB-001",
  title: "DynamoDB table is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_119"],
  catalogue: [16],
  resourceTypes: ["aws_dynamodb_table"],
  severity: "high",
  check(table, index) {
    if (!isTrue(get(table.values, "server_side_encryption.enabled")))
      return [finding("server_side_encryption.enabled", get(table.values, "server_side_encryption.enabled"), "true")];
    const key = get(table.values, "server_side_encryption.kms_key_arn");
    return isCmk(key, index) ? [] : [finding("server_side_encryption.kms_key_arn", key, CMK)];
  },
};
