import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantEdge } from "./fixtures";
import { cloudfrontLogging as rule } from "./cloudfront-logging";

describe("INF-CF-004 CloudFront logging", () => {
  it("Compliance: a log bucket, or a v2 log delivery source, passes", () => {
    const tf = clone(compliantEdge());
    tf["aws_cloudfront_distribution"]!["v2"] = {};
    tf["aws_cloudwatch_log_delivery_source"] = { v2: { log_type: "ACCESS_LOGS", resource_arn: "${aws_cloudfront_distribution.v2.arn}" } };
    expect(statuses(rule, tf)).toEqual({ "aws_cloudfront_distribution.cdn": "passed", "aws_cloudfront_distribution.v2": "passed" });
  });

  it("Noncompliance: no logging fails", () => {
    const tf = clone(compliantEdge());
    delete tf["aws_cloudfront_distribution"]!["cdn"]!["logging_config"];
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-CF-004",
        address: "aws_cloudfront_distribution.cdn",
        attribute: "logging_config.bucket",
        found: "unset",
        expected: "a log bucket (or a log delivery source for standard logging v2)",
      },
    ]);
  });
});
