import type { Json, JsonObject, PolicyRule } from "../types";
import { blocks, finding, get } from "./helpers";

const REQUIRED_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];

interface AclRule {
  name: string;
  managedGroup?: string;
  rateBased: boolean;
  hasAction: boolean;
}

/**
 * The provider types `statement` as `any`, so cdktf passes its keys through untouched: a construct
 * may have written them in snake_case (what Terraform wants) or camelCase. Read both.
 */
function snake(value: Json): Json {
  if (Array.isArray(value)) return value.map(snake);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]));
}

function fromBlock(rule: JsonObject): AclRule {
  const statement = snake(rule["statement"] ?? null) as JsonObject | null;
  return {
    name: String(rule["name"]),
    managedGroup: get(statement ?? undefined, "managed_rule_group_statement.name") as string | undefined,
    rateBased: get(statement ?? undefined, "rate_based_statement") !== undefined,
    hasAction: blocks(rule, "action").length > 0 || blocks(rule, "override_action").length > 0,
  };
}

/** `rule_json` holds rules in the WAF API's own (PascalCase) shape. */
function fromApi(json: unknown): AclRule[] {
  if (typeof json !== "string") return [];
  try {
    return (JSON.parse(json) as JsonObject[]).map((r) => ({
      name: String(r["Name"]),
      managedGroup: get(r, "Statement.ManagedRuleGroupStatement.Name") as string | undefined,
      rateBased: get(r, "Statement.RateBasedStatement") !== undefined,
      hasAction: r["Action"] !== undefined || r["OverrideAction"] !== undefined,
    }));
  } catch {
    return [];
  }
}

/** An ACL that only has a default action filters nothing: we want the baseline groups and a rate limit. */
export const wafRules: PolicyRule = {
  id: "INF-WAF-002",
  title: "WAF web ACL has rules with actions: Common, KnownBadInputs and a rate limit",
  mirrors: ["CKV_AWS_175", "CKV_AWS_342", "CKV_AWS_192"],
  catalogue: [37],
  resourceTypes: ["aws_wafv2_web_acl"],
  severity: "high",
  check(acl) {
    const rules = [...blocks(acl.values, "rule").map(fromBlock), ...fromApi(acl.values["rule_json"])];
    if (rules.length === 0)
      return [finding("rule", undefined, "rules including AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet and a rate-based rule")];
    const out = REQUIRED_GROUPS.filter((g) => !rules.some((r) => r.managedGroup === g)).map((g) =>
      finding("rule", `no ${g}`, `a rule using managed group ${g}`),
    );
    if (!rules.some((r) => r.rateBased)) out.push(finding("rule", "no rate_based_statement", "a rate-based rule"));
    for (const r of rules.filter((x) => !x.hasAction)) out.push(finding(`rule[${r.name}]`, "no action", "action (or override_action for rule groups)"));
    return out;
  },
};
