import { ruleCases } from "../rule-cases";
import { compliantBucket, compliantBucketOnly } from "./fixtures";
import { s3PublicAccessBlock as rule } from "./s3-public-access-block";

ruleCases(rule, "INF-S3-001 public access block", {
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
