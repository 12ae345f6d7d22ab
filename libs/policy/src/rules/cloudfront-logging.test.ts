import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { cloudfrontLogging as rule } from "./cloudfront-logging";

ruleCases(rule, "INF-CF-004 CloudFront logging", {
  fixture: compliantEdge,
  compliant: {
    name: "a log bucket, or a v2 log delivery source, passes",
    mutate: (tf) => {
      tf["aws_cloudfront_distribution"]!["v2"] = {};
      tf["aws_cloudwatch_log_delivery_source"] = { v2: { log_type: "ACCESS_LOGS", resource_arn: "${aws_cloudfront_distribution.v2.arn}" } };
    },
    statuses: { "aws_cloudfront_distribution.cdn": "passed", "aws_cloudfront_distribution.v2": "passed" },
  },
  noncompliant: [
    {
      name: "no logging fails",
      mutate: (tf) => {
        delete tf["aws_cloudfront_distribution"]!["cdn"]!["logging_config"];
      },
      failures: [
        {
          address: "aws_cloudfront_distribution.cdn",
          attribute: "logging_config.bucket",
          found: "unset",
          expected: "a log bucket (or a log delivery source for standard logging v2)",
        },
      ],
    },
  ],
});
