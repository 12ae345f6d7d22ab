import { ruleCases } from "../rule-cases";
import { wafLogging as rule } from "./waf-logging";

ruleCases(rule, "INF-WAF-001 WAF logging", {
  compliant: {
    name: "logging to an aws-waf-logs-* log group passes",
    input: () => ({
      aws_wafv2_web_acl: { acl: { scope: "REGIONAL" } },
      aws_cloudwatch_log_group: { waf: { name: "aws-waf-logs-dev-api" } },
      aws_wafv2_web_acl_logging_configuration: {
        l: { resource_arn: "${aws_wafv2_web_acl.acl.arn}", log_destination_configs: ["${aws_cloudwatch_log_group.waf.arn}"] },
      },
    }),
    statuses: { "aws_wafv2_web_acl.acl": "passed" },
  },
  noncompliant: [
    {
      name: "a wrongly named log group, and no logging, fail",
      input: () => ({
        aws_wafv2_web_acl: { acl: {}, quiet: {} },
        aws_cloudwatch_log_group: { waf: { name: "/waf/dev" } },
        aws_wafv2_web_acl_logging_configuration: {
          l: { resource_arn: "${aws_wafv2_web_acl.acl.arn}", log_destination_configs: ["${aws_cloudwatch_log_group.waf.arn}"] },
        },
      }),
      failures: [
        {
          address: "aws_wafv2_web_acl.acl",
          attribute: "aws_wafv2_web_acl_logging_configuration.l.log_destination_configs",
          found: "/waf/dev",
          expected: "a destination named aws-waf-logs-*",
        },
        {
          address: "aws_wafv2_web_acl.quiet",
          attribute: "aws_wafv2_web_acl_logging_configuration",
          found: "unset",
          expected: "logging to a log group named aws-waf-logs-*",
        },
      ],
    },
  ],
});
