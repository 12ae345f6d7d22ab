import { ruleCases } from "../rule-cases";
import { compliantBucket, compliantBucketOnly } from "./fixtures";
import { s3Versioning as rule } from "./s3-versioning";

ruleCases(rule, "INF-S3-004 versioning", {
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
