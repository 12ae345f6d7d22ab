/**
 * Pure construction of WAF rules. `statement` is untyped in the provider bindings (its nesting
 * is too deep to generate), so statements are written in Terraform's own snake_case here, once,
 * and tested as they reach the JSON.
 */

export type ManagedRuleGroupName =
  | "AWSManagedRulesCommonRuleSet"
  | "AWSManagedRulesKnownBadInputsRuleSet"
  | "AWSManagedRulesSQLiRuleSet"
  | "AWSManagedRulesAmazonIpReputationList"
  | "AWSManagedRulesAnonymousIpList"
  | "AWSManagedRulesLinuxRuleSet"
  | "AWSManagedRulesUnixRuleSet"
  | "AWSManagedRulesAdminProtectionRuleSet"
  | "AWSManagedRulesBotControlRuleSet";

export type RuleAction = "allow" | "block" | "count" | "challenge" | "captcha";

export interface ManagedRuleGroup {
  readonly name: ManagedRuleGroupName;
  /** "count" only observes (for a trial period); "none" lets the group's rules act. @default "none" */
  readonly overrideAction?: "none" | "count";
  /** Per-rule action overrides inside the group. @default [] (Bot Control: see `inspectionLevel`) */
  readonly ruleActionOverrides?: readonly { readonly name: string; readonly action: RuleAction }[];
  /** Pin a group version. @default the default version AWS maintains */
  readonly version?: string;
  /** Bot Control only. @default "COMMON" */
  readonly inspectionLevel?: "COMMON" | "TARGETED";
  /**
   * URI path prefixes the group does not inspect (a scope-down statement). For Bot Control: the API
   * paths native apps call, whose HTTP-library user agents Bot Control blocks as bots and which
   * cannot answer a browser challenge; they stay under the rate limit and the other rule groups.
   * @default [] (every request)
   */
  readonly excludePathPrefixes?: readonly string[];
}

/**
 * Bot Control rules that get a Challenge instead of their default action when the group has no
 * overrides of its own (seed 000: "Challenge suspicious bots"). A challenge is a silent browser
 * proof-of-work: browsers pass, scripted clients from data centres and automation frameworks do
 * not. Native mobile clients should send a WAF token (AWS WAF mobile SDK) or be excluded by path.
 */
export const BOT_CONTROL_CHALLENGE_RULES = ["SignalAutomatedBrowser", "SignalKnownBotDataCenter"] as const;

/** The seed defaults: the rule sets every policy pack expects. */
export const DEFAULT_MANAGED_RULE_GROUPS: readonly ManagedRuleGroup[] = [
  { name: "AWSManagedRulesCommonRuleSet" },
  { name: "AWSManagedRulesKnownBadInputsRuleSet" },
];

export interface RateLimit {
  /** Requests per IP within the evaluation window, 10..2,000,000,000 (seed 000: 2000 per 5 min). */
  readonly limit: number;
  /** Seconds. @default 300 */
  readonly evaluationWindowSec?: 60 | 120 | 300 | 600;
  /** @default "block" */
  readonly action?: "block" | "challenge" | "captcha" | "count";
}

export interface RuleInputs {
  readonly metricPrefix: string;
  readonly managedRuleGroups: readonly ManagedRuleGroup[];
  readonly xssRule: boolean;
  readonly rateLimit?: RateLimit;
  readonly geoBlockCountries: readonly string[];
}

export interface WafRule {
  readonly name: string;
  readonly priority: number;
  readonly action?: Record<string, Record<string, never>>;
  readonly overrideAction?: { readonly none?: Record<string, never>; readonly count?: Record<string, never> };
  readonly statement: Record<string, unknown>;
  readonly visibilityConfig: { cloudwatchMetricsEnabled: true; sampledRequestsEnabled: true; metricName: string };
}

const visibility = (metricPrefix: string, name: string) => ({
  cloudwatchMetricsEnabled: true as const,
  sampledRequestsEnabled: true as const,
  metricName: `${metricPrefix}-${name}`.slice(0, 128),
});

function pathPrefix(prefix: string): Record<string, unknown> {
  return {
    byte_match_statement: {
      field_to_match: { uri_path: {} },
      positional_constraint: "STARTS_WITH",
      search_string: prefix,
      text_transformation: [{ priority: 0, type: "NONE" }],
    },
  };
}

/** "Not under any of these prefixes", as a scope-down statement (an OR needs two or more statements). */
function excludePaths(prefixes: readonly string[]): Record<string, unknown> {
  const match = prefixes.length === 1 ? pathPrefix(prefixes[0]!) : { or_statement: { statement: prefixes.map(pathPrefix) } };
  return { not_statement: { statement: [match] } };
}

function managedStatement(group: ManagedRuleGroup): Record<string, unknown> {
  const overrides =
    group.ruleActionOverrides ??
    (group.name === "AWSManagedRulesBotControlRuleSet" ? BOT_CONTROL_CHALLENGE_RULES.map((name) => ({ name, action: "challenge" as const })) : []);
  return {
    managed_rule_group_statement: {
      name: group.name,
      vendor_name: "AWS",
      ...(group.version ? { version: group.version } : {}),
      ...(overrides.length > 0 ? { rule_action_override: overrides.map((o) => ({ name: o.name, action_to_use: { [o.action]: {} } })) } : {}),
      ...(group.name === "AWSManagedRulesBotControlRuleSet"
        ? { managed_rule_group_configs: [{ aws_managed_rules_bot_control_rule_set: { inspection_level: group.inspectionLevel ?? "COMMON" } }] }
        : {}),
      ...(group.excludePathPrefixes && group.excludePathPrefixes.length > 0 ? { scope_down_statement: excludePaths(group.excludePathPrefixes) } : {}),
    },
  };
}

const XSS_TRANSFORMS = [
  { priority: 0, type: "URL_DECODE" },
  { priority: 1, type: "HTML_ENTITY_DECODE" },
];

function xssStatement(): Record<string, unknown> {
  const fields = [{ body: { oversize_handling: "CONTINUE" } }, { query_string: {} }, { uri_path: {} }, { single_header: { name: "cookie" } }];
  return {
    or_statement: {
      statement: fields.map((field_to_match) => ({ xss_match_statement: { field_to_match, text_transformation: XSS_TRANSFORMS } })),
    },
  };
}

/**
 * The rules in evaluation order: cheap blocks first (geo, rate), then managed groups in the
 * order given, then the custom XSS rule. Priorities leave gaps so a rule can be slotted in later.
 */
export function buildRules(inputs: RuleInputs): WafRule[] {
  const rules: WafRule[] = [];
  const p = inputs.metricPrefix;
  if (inputs.geoBlockCountries.length > 0) {
    rules.push({
      name: "geo-block",
      priority: 0,
      action: { block: {} },
      statement: { geo_match_statement: { country_codes: [...inputs.geoBlockCountries] } },
      visibilityConfig: visibility(p, "geo-block"),
    });
  }
  if (inputs.rateLimit) {
    rules.push({
      name: "rate-limit-per-ip",
      priority: 10,
      action: { [inputs.rateLimit.action ?? "block"]: {} },
      statement: {
        rate_based_statement: {
          limit: inputs.rateLimit.limit,
          aggregate_key_type: "IP",
          evaluation_window_sec: inputs.rateLimit.evaluationWindowSec ?? 300,
        },
      },
      visibilityConfig: visibility(p, "rate-limit-per-ip"),
    });
  }
  inputs.managedRuleGroups.forEach((group, i) => {
    rules.push({
      name: group.name,
      priority: 20 + i * 10,
      overrideAction: (group.overrideAction ?? "none") === "none" ? { none: {} } : { count: {} },
      statement: managedStatement(group),
      visibilityConfig: visibility(p, group.name),
    });
  });
  if (inputs.xssRule) {
    rules.push({
      name: "xss",
      priority: 20 + inputs.managedRuleGroups.length * 10,
      action: { block: {} },
      statement: xssStatement(),
      visibilityConfig: visibility(p, "xss"),
    });
  }
  return rules;
}

/** Every validation error for rule inputs. Pure. */
export function validateRuleInputs(inputs: RuleInputs): string[] {
  const names = inputs.managedRuleGroups.map((g) => g.name);
  const limit = inputs.rateLimit?.limit;
  return [
    new Set(names).size !== names.length ? `managed rule groups repeat: ${names.join(", ")}` : undefined,
    limit !== undefined && (!Number.isInteger(limit) || limit < 10 || limit > 2_000_000_000) ? `rateLimit.limit ${limit} must be 10..2000000000` : undefined,
    ...inputs.geoBlockCountries.map((c) => (/^[A-Z]{2}$/.test(c) ? undefined : `geo block country "${c}" must be an ISO 3166 alpha-2 code like "KP"`)),
    ...inputs.managedRuleGroups.map((g) =>
      g.inspectionLevel && g.name !== "AWSManagedRulesBotControlRuleSet" ? `inspectionLevel is for AWSManagedRulesBotControlRuleSet, not ${g.name}` : undefined,
    ),
    ...inputs.managedRuleGroups.flatMap((g) =>
      (g.excludePathPrefixes ?? []).map((p) =>
        /^\/[^\s*]*$/.test(p) && p.length <= 200
          ? undefined
          : `${g.name}: excludePathPrefixes "${p}" must be a URI path prefix starting with "/" (no spaces or "*", at most 200 characters)`,
      ),
    ),
  ].filter((e): e is string => e !== undefined);
}
