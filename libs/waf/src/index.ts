export {
  BOT_CONTROL_CHALLENGE_RULES,
  DEFAULT_MANAGED_RULE_GROUPS,
  type ManagedRuleGroup,
  type ManagedRuleGroupName,
  type RateLimit,
  type RuleAction,
} from "./rules";
export { WebAcl, WebAclPropsError, type WafLogging, type WebAclProps } from "./web-acl";
