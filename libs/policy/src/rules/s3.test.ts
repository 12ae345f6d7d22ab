import { ruleCases } from "../rule-cases";
import { compliantBucket, compliantBucketOnly } from "./fixtures";
import { CMK } from "./helpers";
import { s3Encryption as rule } from "./s3-encryption";

const prefix = "aws_s3_bucket_server_side_encryption_configuration.b.rule";

ruleCases(rule, "INF-S3-003 default encryption", {
  fixture: compliantBucket,
  compliant: { name: "aws:kms with our key and bucket key passes", input: compliantBucketOnly, statuses: { "aws_s3_bucket.b": "passed" } },
  noncompliant: [
    {
      name: "AES256 without key or bucket key fails on each attribute",
      mutate: (tf) => {
        tf["aws_s3_bucket_server_side_encryption_configuration"]!["b"]!["rule"] = [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }];
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: `${prefix}.apply_server_side_encryption_by_default.sse_algorithm`,
          found: "AES256",
          expected: "aws:kms",
        },
        {
          address: "aws_s3_bucket.b",
          attribute: `${prefix}.apply_server_side_encryption_by_default.kms_master_key_id`,
          found: "unset",
          expected: CMK,
        },
        { address: "aws_s3_bucket.b", attribute: `${prefix}.bucket_key_enabled`, found: "unset", expected: "true" },
        {
          address: "aws_s3_bucket.logs",
          attribute: "aws_s3_bucket_server_side_encryption_configuration",
          found: "unset",
          expected: "aws:kms default encryption with a CMK and bucket_key_enabled",
        },
      ],
    },
    {
      name: "the AWS-managed aws/s3 key is not a CMK",
      mutate: (tf) => {
        tf["aws_s3_bucket_server_side_encryption_configuration"]!["b"]!["rule"] = [
          { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "alias/aws/s3" }, bucket_key_enabled: true },
        ];
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_server_side_encryption_configuration.b.rule.apply_server_side_encryption_by_default.kms_master_key_id",
          found: "alias/aws/s3",
          expected: CMK,
        },
        {
          address: "aws_s3_bucket.logs",
          attribute: "aws_s3_bucket_server_side_encryption_configuration",
          found: "unset",
          expected: "aws:kms default encryption with a CMK and bucket_key_enabled",
        },
      ],
    },
  ],
});
