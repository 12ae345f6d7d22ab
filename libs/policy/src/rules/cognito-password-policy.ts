import type { PolicyRule } from "../types";
import { asNumber, finding, get, isTrue } from "./helpers";

const REQUIRED = ["require_uppercase", "require_lowercase", "require_numbers", "require_symbols"];

/**
 * Length >= 8 with every character class, written down (not left to Cognito's defaults). Seed 000
 * drops symbols on purpose: that is a waiver with its reason, not a weaker rule.
 */
export const cognitoPasswordPolicy: PolicyRule = {
  id: "INF-COG-001",
  title: "Cognito user pool password policy: >= 8 characters with upper, lower, numbers and symbols",
  mirrors: ["AwsSolutions-COG1"],
  catalogue: [66],
  resourceTypes: ["aws_cognito_user_pool"],
  severity: "medium",
  check(pool) {
    const policy = get(pool.values, "password_policy");
    if (policy === undefined) return [finding("password_policy", undefined, "an explicit password policy")];
    const out = [];
    const length = asNumber(get(pool.values, "password_policy.minimum_length"));
    if ((length ?? 0) < 8) out.push(finding("password_policy.minimum_length", length, ">= 8"));
    for (const key of REQUIRED)
      if (!isTrue(get(pool.values, `password_policy.${key}`))) out.push(finding(`password_policy.${key}`, get(pool.values, `password_policy.${key}`), "true"));
    return out;
  },
};
