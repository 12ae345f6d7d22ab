/** S3 rules (INF-S3-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { compliantBucket, compliantBucketOnly } from "./fixtures";
import { CMK } from "./helpers";
import { s3AccessLogging } from "./s3-access-logging";
import { s3Encryption } from "./s3-encryption";
import { s3Lifecycle } from "./s3-lifecycle";
import { s3OwnershipControls } from "./s3-ownership-controls";
import { s3PublicAccessBlock } from "./s3-public-access-block";
import { s3TlsOnly } from "./s3-tls-only";
import { s3Versioning } from "./s3-versioning";

ruleCases(s3PublicAccessBlock, "INF-S3-001 public access block", {
  fixture: compliantBucket,
  compliant: { name: "a bucket with all four flags true passes", input: compliantBucketOnly, statuses: { "aws_s3_bucket.b": "passed" } },
  noncompliant: [
    {
      name: "a missing block and a false flag are reported",
      mutate: (tf) => {
        tf["aws_s3_bucket_public_access_block"]!["b"]!["restrict_public_buckets"] = false;
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_public_access_block.b.restrict_public_buckets",
          found: "false",
          expected: "true",
        },
        {
          address: "aws_s3_bucket.logs",
          attribute: "aws_s3_bucket_public_access_block",
          found: "unset",
          expected: "a public access block on this bucket with all four flags true",
        },
      ],
    },
  ],
});

ruleCases(s3OwnershipControls, "INF-S3-002 ownership controls", {
  fixture: compliantBucket,
  compliant: {
    name: "BucketOwnerEnforced passes, and BucketOwnerPreferred passes on a CloudFront log bucket",
    mutate: (tf) => {
      tf["aws_s3_bucket_ownership_controls"]!["logs"] = { bucket: "${aws_s3_bucket.logs.id}", rule: { object_ownership: "BucketOwnerPreferred" } };
      tf["aws_cloudfront_distribution"] = { d: { logging_config: { bucket: "${aws_s3_bucket.logs.bucket_domain_name}" } } };
    },
    statuses: { "aws_s3_bucket.b": "passed", "aws_s3_bucket.logs": "passed" },
  },
  noncompliant: [
    {
      name: "BucketOwnerPreferred on an ordinary bucket, and missing controls, fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_ownership_controls"]!["b"]!["rule"] = { object_ownership: "BucketOwnerPreferred" };
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_ownership_controls.b.rule.object_ownership",
          found: "BucketOwnerPreferred",
          expected: "BucketOwnerEnforced",
        },
        { address: "aws_s3_bucket.logs", attribute: "aws_s3_bucket_ownership_controls", found: "unset", expected: "BucketOwnerEnforced" },
      ],
    },
  ],
});

const prefix = "aws_s3_bucket_server_side_encryption_configuration.b.rule";

ruleCases(s3Encryption, "INF-S3-003 default encryption", {
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

ruleCases(s3Versioning, "INF-S3-004 versioning", {
  fixture: compliantBucket,
  compliant: { name: "Enabled passes", input: compliantBucketOnly, statuses: { "aws_s3_bucket.b": "passed" } },
  noncompliant: [
    {
      name: "Suspended and missing versioning fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_versioning"]!["b"]!["versioning_configuration"] = { status: "Suspended" };
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_versioning.b.versioning_configuration.status",
          found: "Suspended",
          expected: "Enabled",
        },
        {
          address: "aws_s3_bucket.logs",
          attribute: "aws_s3_bucket_versioning",
          found: "unset",
          expected: "versioning_configuration.status = Enabled",
        },
      ],
    },
  ],
});

ruleCases(s3AccessLogging, "INF-S3-005 access logging", {
  fixture: compliantBucket,
  compliant: { name: "a bucket logging to the log bucket passes; the log bucket is not checked", statuses: { "aws_s3_bucket.b": "passed" } },
  noncompliant: [
    {
      name: "logging into itself, and no logging at all, fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_logging"]!["b"]!["target_bucket"] = "${aws_s3_bucket.b.id}";
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_logging.b.target_bucket",
          found: "${aws_s3_bucket.b.id}",
          expected: "a different (log) bucket",
        },
        { address: "aws_s3_bucket.logs", attribute: "aws_s3_bucket_logging", found: "unset", expected: "access logging to a log bucket" },
      ],
    },
  ],
});

const EXPECTED = 'a statement Deny s3:* for Principal "*" when aws:SecureTransport = false';

const policyDocument = {
  aws_iam_policy_document: {
    logs: {
      statement: [
        {
          effect: "Deny",
          actions: ["s3:*"],
          principals: [{ type: "*", identifiers: ["*"] }],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    },
  },
};

ruleCases(s3TlsOnly, "INF-S3-006 TLS-only bucket policy", {
  fixture: compliantBucket,
  compliant: {
    name: "a JSON policy with the deny passes, and so does an aws_iam_policy_document",
    input: () => {
      const tf = compliantBucket();
      tf["aws_s3_bucket_policy"]!["logs"] = { bucket: "${aws_s3_bucket.logs.id}", policy: "${data.aws_iam_policy_document.logs.json}" };
      return { resource: tf, data: policyDocument };
    },
    statuses: { "aws_s3_bucket.b": "passed", "aws_s3_bucket.logs": "passed" },
  },
  noncompliant: [
    {
      name: "a policy without the deny, and a missing policy, fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_policy"]!["b"]!["policy"] = JSON.stringify({
          Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:GetObject" }],
        });
      },
      failures: [
        { address: "aws_s3_bucket.b", attribute: "aws_s3_bucket_policy.b.policy", found: "no TLS-only deny", expected: EXPECTED },
        { address: "aws_s3_bucket.logs", attribute: "aws_s3_bucket_policy", found: "unset", expected: EXPECTED },
      ],
    },
  ],
});

ruleCases(s3Lifecycle, "INF-S3-007 lifecycle", {
  fixture: compliantBucket,
  compliant: {
    name: "one configuration aborting uploads at 7 days and expiring noncurrent versions passes",
    input: compliantBucketOnly,
    statuses: { "aws_s3_bucket.b": "passed" },
  },
  noncompliant: [
    {
      name: "a 30-day abort without noncurrent expiration, and two configurations, fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_lifecycle_configuration"]!["b"]!["rule"] = [
          { id: "r", status: "Enabled", abort_incomplete_multipart_upload: { days_after_initiation: 30 } },
        ];
        tf["aws_s3_bucket_lifecycle_configuration"]!["l1"] = { bucket: "${aws_s3_bucket.logs.id}", rule: [] };
        tf["aws_s3_bucket_lifecycle_configuration"]!["l2"] = { bucket: "${aws_s3_bucket.logs.id}", rule: [] };
      },
      failures: [
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_lifecycle_configuration.b.rule.abort_incomplete_multipart_upload.days_after_initiation",
          found: "30",
          expected: "<= 7 on an Enabled rule",
        },
        {
          address: "aws_s3_bucket.b",
          attribute: "aws_s3_bucket_lifecycle_configuration.b.rule.noncurrent_version_expiration",
          found: "unset",
          expected: "set on an Enabled rule",
        },
        {
          address: "aws_s3_bucket.logs",
          attribute: "aws_s3_bucket_lifecycle_configuration",
          found: "aws_s3_bucket_lifecycle_configuration.l1, aws_s3_bucket_lifecycle_configuration.l2",
          expected: "exactly one lifecycle configuration",
        },
      ],
    },
  ],
});
