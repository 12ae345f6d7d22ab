import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantBucket } from "./fixtures";
import { s3PublicAccessBlock as rule } from "./s3-public-access-block";

describe("INF-S3-001 public access block", () => {
  it("Compliance: a bucket with all four flags true passes", () => {
    expect(statuses(rule, compliantBucket())).toMatchObject({ "aws_s3_bucket.b": "passed" });
  });

  it("Noncompliance: a missing block and a false flag are reported", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_public_access_block"]!["b"]!["restrict_public_buckets"] = false;
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-S3-001",
        address: "aws_s3_bucket.b",
        attribute: "aws_s3_bucket_public_access_block.b.restrict_public_buckets",
        found: "false",
        expected: "true",
      },
      {
        rule: "INF-S3-001",
        address: "aws_s3_bucket.logs",
        attribute: "aws_s3_bucket_public_access_block",
        found: "unset",
        expected: "a public access block on this bucket with all four flags true",
      },
    ]);
  });
});
