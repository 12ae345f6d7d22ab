import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantBucket } from "./fixtures";
import { CMK } from "./helpers";
import { s3Encryption as rule } from "./s3-encryption";

describe("INF-S3-003 default encryption", () => {
  it("Compliance: aws:kms with our key and bucket key passes", () => {
    expect(statuses(rule, compliantBucket())).toMatchObject({ "aws_s3_bucket.b": "passed" });
  });

  it("Noncompliance: AES256 without key or bucket key fails on each attribute", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_server_side_encryption_configuration"]!["b"]!["rule"] = [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }];
    const prefix = "aws_s3_bucket_server_side_encryption_configuration.b.rule";
    expect(failures(rule, tf).filter((f) => f.address === "aws_s3_bucket.b")).toEqual([
      {
        rule: "INF-S3-003",
        address: "aws_s3_bucket.b",
        attribute: `${prefix}.apply_server_side_encryption_by_default.sse_algorithm`,
        found: "AES256",
        expected: "aws:kms",
      },
      {
        rule: "INF-S3-003",
        address: "aws_s3_bucket.b",
        attribute: `${prefix}.apply_server_side_encryption_by_default.kms_master_key_id`,
        found: "unset",
        expected: CMK,
      },
      { rule: "INF-S3-003", address: "aws_s3_bucket.b", attribute: `${prefix}.bucket_key_enabled`, found: "unset", expected: "true" },
    ]);
  });

  it("Noncompliance: the AWS-managed aws/s3 key is not a CMK", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_server_side_encryption_configuration"]!["b"]!["rule"] = [
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "alias/aws/s3" }, bucket_key_enabled: true },
    ];
    expect(failures(rule, tf).filter((f) => f.address === "aws_s3_bucket.b")).toEqual([
      {
        rule: "INF-S3-003",
        address: "aws_s3_bucket.b",
        attribute: "aws_s3_bucket_server_side_encryption_configuration.b.rule.apply_server_side_encryption_by_default.kms_master_key_id",
        found: "alias/aws/s3",
        expected: CMK,
      },
    ]);
  });
});
