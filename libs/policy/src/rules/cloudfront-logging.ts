import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";

/** Edge request logs are the only record of traffic that never reached an origin. */
export const cloudfrontLogging: PolicyRule = {
  id: "INF-CF-004",
  title: "CloudFront access logging is enabled",
  mirrors: ["CKV_AWS_86", "AwsSolutions-CFR3"],
  catalogue: [34],
  resourceTypes: ["aws_cloudfront_distribution"],
  severity: "medium",
  check(distribution, index) {
    // Standard logging (v1: logging_config) or v2 (a CloudWatch log delivery source on the distribution).
    if (get(distribution.values, "logging_config.bucket")) return [];
    if (index.referencing(distribution, "aws_cloudwatch_log_delivery_source", "resource_arn").length) return [];
    return [finding("logging_config.bucket", undefined, "a log bucket (or a log delivery source for standard logging v2)")];
  },
};
