import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantBucket } from "./fixtures";
import { s3AccessLogging as rule } from "./s3-access-logging";

describe("INF-S3-005 access logging", () => {
  it("Compliance: a bucket logging to the log bucket passes; the log bucket is not checked", () => {
    expect(statuses(rule, compliantBucket())).toEqual({ "aws_s3_bucket.b": "passed" });
  });

  it("Noncompliance: logging into itself, and no logging at all, fail", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_logging"]!["b"]!["target_bucket"] = "${aws_s3_bucket.b.id}";
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-S3-005",
        address: "aws_s3_bucket.b",
        attribute: "aws_s3_bucket_logging.b.target_bucket",
        found: "${aws_s3_bucket.b.id}",
        expected: "a different (log) bucket",
      },
      { rule: "INF-S3-005", address: "aws_s3_bucket.logs", attribute: "aws_s3_bucket_logging", found: "unset", expected: "access logging to a log bucket" },
    ]);
  });
});
