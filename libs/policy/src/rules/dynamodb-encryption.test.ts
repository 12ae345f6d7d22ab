import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { CMK } from "./helpers";
import { dynamodbEncryption as rule } from "./dynamodb-encryption";

describe("INF-DDB-001 table encryption", () => {
  it("Compliance: SSE with our key passes", () => {
    const tf = { aws_kms_key: { k: {} }, aws_dynamodb_table: { t: { server_side_encryption: { enabled: true, kms_key_arn: "${aws_kms_key.k.arn}" } } } };
    expect(statuses(rule, tf)).toEqual({ "aws_dynamodb_table.t": "passed" });
  });

  it("Noncompliance: default encryption, and SSE with the AWS-managed key, fail", () => {
    const tf = {
      aws_dynamodb_table: {
        plain: {},
        managed: { server_side_encryption: { enabled: true } },
      },
    };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-DDB-001", address: "aws_dynamodb_table.plain", attribute: "server_side_encryption.enabled", found: "unset", expected: "true" },
      { rule: "INF-DDB-001", address: "aws_dynamodb_table.managed", attribute: "server_side_encryption.kms_key_arn", found: "unset", expected: CMK },
    ]);
  });
});
