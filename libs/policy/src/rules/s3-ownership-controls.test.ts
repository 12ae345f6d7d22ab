import { ruleCases } from "../rule-cases";
import { compliantBucket } from "./fixtures";
import { s3OwnershipControls as rule } from "./s3-ownership-controls";

ruleCases(rule, "INF-S3-002 ownership controls", {
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
