import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantBucket } from "./fixtures";
import { s3Versioning as rule } from "./s3-versioning";

describe("INF-S3-004 versioning", () => {
  it("Compliance: Enabled passes", () => {
    expect(statuses(rule, compliantBucket())).toMatchObject({ "aws_s3_bucket.b": "passed" });
  });

  it("Noncompliance: Suspended and missing versioning fail", () => {
    const tf = compliantBucket();
    tf["aws_s3_bucket_versioning"]!["b"]!["versioning_configuration"] = { status: "Suspended" };
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-S3-004",
        address: "aws_s3_bucket.b",
        attribute: "aws_s3_bucket_versioning.b.versioning_configuration.status",
        found: "Suspended",
        expected: "Enabled",
      },
      {
        rule: "INF-S3-004",
        address: "aws_s3_bucket.logs",
        attribute: "aws_s3_bucket_versioning",
        found: "unset",
        expected: "versioning_configuration.status = Enabled",
      },
    ]);
  });
});
