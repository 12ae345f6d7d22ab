import { ruleCases } from "../rule-cases";
import { compliantBucket } from "./fixtures";
import { s3AccessLogging as rule } from "./s3-access-logging";

ruleCases(rule, "INF-S3-005 access logging", {
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
