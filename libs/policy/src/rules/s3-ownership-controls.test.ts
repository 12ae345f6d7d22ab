import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantBucket } from "./fixtures";
import { s3OwnershipControls as rule } from "./s3-ownership-controls";

describe("INF-S3-002 ownership controls", () => {
  it("Compliance: BucketOwnerEnforced passes, and BucketOwnerPreferred passes on a CloudFront log bucket", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_ownership_controls"]!["logs"] = { bucket: "${aws_s3_bucket.logs.id}", rule: { object_ownership: "BucketOwnerPreferred" } };
    tf["aws_cloudfront_distribution"] = { d: { logging_config: { bucket: "${aws_s3_bucket.logs.bucket_domain_name}" } } };
    expect(statuses(rule, tf)).toEqual({ "aws_s3_bucket.b": "passed", "aws_s3_bucket.logs": "passed" });
  });

  it("Noncompliance: BucketOwnerPreferred on an ordinary bucket, and missing controls, fail", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_ownership_controls"]!["b"]!["rule"] = { object_ownership: "BucketOwnerPreferred" };
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-S3-002",
        address: "aws_s3_bucket.b",
        attribute: "aws_s3_bucket_ownership_controls.b.rule.object_ownership",
        found: "BucketOwnerPreferred",
        expected: "BucketOwnerEnforced",
      },
      { rule: "INF-S3-002", address: "aws_s3_bucket.logs", attribute: "aws_s3_bucket_ownership_controls", found: "unset", expected: "BucketOwnerEnforced" },
    ]);
  });
});
