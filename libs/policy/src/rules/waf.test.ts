import { ruleCases } from "../rule-cases";
import { wafRules as rule } from "./waf-rules";

const managed = (name: string) => ({ name, statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } }, override_action: { none: {} } });

ruleCases(rule, "INF-WAF-002 WAF rules", {
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
