import { ruleCases } from "../rule-cases";
import { compliantBucket, compliantBucketOnly } from "./fixtures";
import { s3Lifecycle as rule } from "./s3-lifecycle";

ruleCases(rule, "INF-S3-007 lifecycle", {
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
