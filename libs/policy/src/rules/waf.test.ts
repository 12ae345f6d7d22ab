/** WAF rules (INF-WAF-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { wafLogging } from "./waf-logging";
import { wafRules } from "./waf-rules";

ruleCases(wafLogging, "INF-WAF-001 WAF logging", {
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

const managed = (name: string) => ({ name, statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } }, override_action: { none: {} } });

ruleCases(wafRules, "INF-WAF-002 WAF rules", {
  compliant: {
    name: "Common, KnownBadInputs and a rate rule (snake_case, camelCase or rule_json) pass",
    input: () => ({
      aws_wafv2_web_acl: {
        blocks: {
          rule: [
            managed("AWSManagedRulesCommonRuleSet"),
            managed("AWSManagedRulesKnownBadInputsRuleSet"),
            { name: "rate", statement: { rate_based_statement: { limit: 2000 } }, action: { block: {} } },
          ],
        },
        // `statement` is untyped in the provider: camelCase keys pass through cdktf unchanged.
        camel: {
          rule: [
            { name: "c", statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } }, override_action: { none: {} } },
            {
              name: "k",
              statement: { managedRuleGroupStatement: { name: "AWSManagedRulesKnownBadInputsRuleSet", vendorName: "AWS" } },
              override_action: { none: {} },
            },
            { name: "r", statement: { rateBasedStatement: { limit: 100, aggregateKeyType: "IP" } }, action: { block: {} } },
          ],
        },
        json: {
          rule_json: JSON.stringify([
            { Name: "c", Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesCommonRuleSet" } }, OverrideAction: { None: {} } },
            { Name: "k", Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesKnownBadInputsRuleSet" } }, OverrideAction: { None: {} } },
            { Name: "r", Statement: { RateBasedStatement: { Limit: 100 } }, Action: { Block: {} } },
          ]),
        },
      },
    }),
    statuses: { "aws_wafv2_web_acl.blocks": "passed", "aws_wafv2_web_acl.camel": "passed", "aws_wafv2_web_acl.json": "passed" },
  },
  noncompliant: [
    {
      name: "no rules, and missing groups, rate rule and an action, fail",
      input: () => ({
        aws_wafv2_web_acl: {
          empty: { default_action: { allow: {} } },
          partial: { rule: [{ name: "common", statement: { managed_rule_group_statement: { name: "AWSManagedRulesCommonRuleSet" } } }] },
        },
      }),
      failures: [
        {
          address: "aws_wafv2_web_acl.empty",
          attribute: "rule",
          found: "unset",
          expected: "rules including AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet and a rate-based rule",
        },
        {
          address: "aws_wafv2_web_acl.partial",
          attribute: "rule",
          found: "no AWSManagedRulesKnownBadInputsRuleSet",
          expected: "a rule using managed group AWSManagedRulesKnownBadInputsRuleSet",
        },
        { address: "aws_wafv2_web_acl.partial", attribute: "rule", found: "no rate_based_statement", expected: "a rate-based rule" },
        {
          address: "aws_wafv2_web_acl.partial",
          attribute: "rule[common]",
          found: "no action",
          expected: "action (or override_action for rule groups)",
        },
      ],
    },
  ],
});
