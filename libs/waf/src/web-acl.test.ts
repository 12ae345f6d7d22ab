import { describe, expect, it } from "vitest";
import { type Json, only, synthJson, synthWith } from "@infra/testing-core/blocks";
import { WebAcl, WebAclPropsError, type WebAclProps } from "./web-acl";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
// Seed 000 ARC-009: Common, Known Bad Inputs, SQLi, 2000 req/5 min per IP, no geo block, Bot Control with challenge.
const aerologue: WebAclProps = {
  name: "aerologue-prod-waf",
  scope: "CLOUDFRONT",
  managedRuleGroups: [
    { name: "AWSManagedRulesCommonRuleSet" },
    { name: "AWSManagedRulesKnownBadInputsRuleSet" },
    { name: "AWSManagedRulesSQLiRuleSet" },
    { name: "AWSManagedRulesBotControlRuleSet" },
  ],
  rateLimit: { limit: 2000 },
  geoBlockCountries: [],
  logging: { retentionDays: 90, kmsKeyArn: KEY },
};
const webAcl = synthWith(WebAcl, "waf", aerologue);

describe("WebAcl", () => {
  it("synthesizes seed 000's rules in order with metrics on each", () => {
    const { resource } = webAcl();
    const acl = only(resource.aws_wafv2_web_acl, "acl");
    expect(acl).toMatchObject({
      name: "aerologue-prod-waf",
      scope: "CLOUDFRONT",
      default_action: { allow: {} },
      visibility_config: { cloudwatch_metrics_enabled: true, sampled_requests_enabled: true, metric_name: "aerologue-prod-waf" },
    });
    const rules = acl.rule as Json[];
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ["rate-limit-per-ip", 10],
      ["AWSManagedRulesCommonRuleSet", 20],
      ["AWSManagedRulesKnownBadInputsRuleSet", 30],
      ["AWSManagedRulesSQLiRuleSet", 40],
      ["AWSManagedRulesBotControlRuleSet", 50],
    ]);
    expect(rules[0]).toEqual({
      name: "rate-limit-per-ip",
      priority: 10,
      action: { block: {} },
      statement: { rate_based_statement: { limit: 2000, aggregate_key_type: "IP", evaluation_window_sec: 300 } },
      visibility_config: { cloudwatch_metrics_enabled: true, sampled_requests_enabled: true, metric_name: "aerologue-prod-waf-rate-limit-per-ip" },
    });
    expect(rules[1]).toMatchObject({
      override_action: { none: {} },
      statement: { managed_rule_group_statement: { name: "AWSManagedRulesCommonRuleSet", vendor_name: "AWS" } },
    });
    expect(rules[1]!.action).toBeUndefined();
    expect(rules[4]!.statement).toEqual({
      managed_rule_group_statement: {
        name: "AWSManagedRulesBotControlRuleSet",
        vendor_name: "AWS",
        rule_action_override: [
          { name: "SignalAutomatedBrowser", action_to_use: { challenge: {} } },
          { name: "SignalKnownBotDataCenter", action_to_use: { challenge: {} } },
        ],
        managed_rule_group_configs: [{ aws_managed_rules_bot_control_rule_set: { inspection_level: "COMMON" } }],
      },
    });
    expect(rules.some((r) => r.name === "geo-block")).toBe(false);
  });

  it("lets Bot Control skip the API paths native apps call (scope-down: not under any prefix) and refuses non-path prefixes", () => {
    const bot = (excludePathPrefixes: string[]) => webAcl({ managedRuleGroups: [{ name: "AWSManagedRulesBotControlRuleSet", excludePathPrefixes }] });
    const prefix = (p: string) => ({
      byte_match_statement: {
        field_to_match: { uri_path: {} },
        positional_constraint: "STARTS_WITH",
        search_string: p,
        text_transformation: [{ priority: 0, type: "NONE" }],
      },
    });
    const statement = (r: Json) => (r.rule as Json[]).find((x) => x.name === "AWSManagedRulesBotControlRuleSet")!.statement.managed_rule_group_statement;
    expect(statement(only(bot(["/api/", "/ws/"]).resource.aws_wafv2_web_acl, "acl")).scope_down_statement).toEqual({
      not_statement: { statement: [{ or_statement: { statement: [prefix("/api/"), prefix("/ws/")] } }] },
    });
    expect(statement(only(bot(["/api/"]).resource.aws_wafv2_web_acl, "acl")).scope_down_statement).toEqual({ not_statement: { statement: [prefix("/api/")] } });
    expect(() => bot(["api/*"])).toThrow('AWSManagedRulesBotControlRuleSet: excludePathPrefixes "api/*" must be a URI path prefix starting with "/"');
  });

  it("logs to aws-waf-logs-<name> with retention, CMK and redacted credentials", () => {
    const { resource } = webAcl();
    expect(only(resource.aws_cloudwatch_log_group, "group")).toMatchObject({ name: "aws-waf-logs-aerologue-prod-waf", retention_in_days: 90, kms_key_id: KEY });
    expect(only(resource.aws_wafv2_web_acl_logging_configuration, "logging")).toEqual({
      resource_arn: expect.stringMatching(/^\$\{aws_wafv2_web_acl\.waf_web-acl_[A-Z0-9]+\.arn\}$/),
      log_destination_configs: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.waf_log-group_[A-Z0-9]+\.arn\}$/)],
      redacted_fields: [{ single_header: { name: "authorization" } }, { single_header: { name: "cookie" } }],
    });
  });

  it("adds geo block and a custom XSS rule (Mile Quest), defaults to Common + KnownBadInputs, associates regionally", () => {
    const { resource } = synthJson((s) => {
      const acl = new WebAcl(s, "waf", {
        name: "mile-quest-api",
        scope: "REGIONAL",
        xssRule: true,
        geoBlockCountries: ["KP", "IR"],
        rateLimit: { limit: 500, evaluationWindowSec: 60, action: "captcha" },
        logging: { retentionDays: 30, kmsKeyArn: KEY, redactedHeaders: ["Authorization"] },
      });
      acl.associate("api-stage", "arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod");
    });
    const rules = only(resource.aws_wafv2_web_acl, "acl").rule as Json[];
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ["geo-block", 0],
      ["rate-limit-per-ip", 10],
      ["AWSManagedRulesCommonRuleSet", 20],
      ["AWSManagedRulesKnownBadInputsRuleSet", 30],
      ["xss", 40],
    ]);
    expect(rules[0]).toMatchObject({ action: { block: {} }, statement: { geo_match_statement: { country_codes: ["KP", "IR"] } } });
    expect(rules[1]).toMatchObject({ action: { captcha: {} }, statement: { rate_based_statement: { limit: 500, evaluation_window_sec: 60 } } });
    const xss = rules[4]!.statement.or_statement.statement as Json[];
    expect(xss).toHaveLength(4);
    expect(xss[0]).toEqual({
      xss_match_statement: {
        field_to_match: { body: { oversize_handling: "CONTINUE" } },
        text_transformation: [
          { priority: 0, type: "URL_DECODE" },
          { priority: 1, type: "HTML_ENTITY_DECODE" },
        ],
      },
    });
    expect(only(resource.aws_wafv2_web_acl_logging_configuration, "logging").redacted_fields).toEqual([{ single_header: { name: "authorization" } }]);
    expect(only(resource.aws_wafv2_web_acl_association, "association")).toEqual({
      resource_arn: "arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod",
      web_acl_arn: expect.stringMatching(/^\$\{aws_wafv2_web_acl\.waf_web-acl_[A-Z0-9]+\.arn\}$/),
    });
  });

  it("refuses to associate a CLOUDFRONT ACL and reports bad props together", () => {
    synthJson((s) => {
      const acl = new WebAcl(s, "waf", aerologue);
      expect(() => acl.associate("x", "arn")).toThrow("a CLOUDFRONT ACL is attached by the distribution's webAclId, not associated");
    });
    expect(() =>
      synthJson(
        (s) =>
          new WebAcl(s, "bad", {
            ...aerologue,
            managedRuleGroups: [{ name: "AWSManagedRulesSQLiRuleSet", inspectionLevel: "TARGETED" }, { name: "AWSManagedRulesSQLiRuleSet" }],
            rateLimit: { limit: 5 },
            geoBlockCountries: ["North Korea"],
            logging: { retentionDays: 10, kmsKeyArn: KEY },
          }),
      ),
    ).toThrow(
      'WebAcl "aerologue-prod-waf": logging.retentionDays 10 must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; managed rule groups repeat: AWSManagedRulesSQLiRuleSet, AWSManagedRulesSQLiRuleSet; rateLimit.limit 5 must be 10..2000000000; geo block country "North Korea" must be an ISO 3166 alpha-2 code like "KP"; inspectionLevel is for AWSManagedRulesBotControlRuleSet, not AWSManagedRulesSQLiRuleSet',
    );
  });
});

describe("WebAcl names and descriptions (AWS patterns terraform validate does not check)", () => {
  const problems = (props: Partial<WebAclProps>): readonly string[] => {
    try {
      webAcl(props);
    } catch (e) {
      expect(e).toBeInstanceOf(WebAclPropsError);
      return (e as WebAclPropsError).problems;
    }
    return [];
  };

  it("rejects a description with parentheses, naming the characters WAFv2 refuses", () => {
    expect(problems({ description: "Aerologue edge protection (ARC-009)" })).toEqual([
      expect.stringMatching(/^WAFv2 description "Aerologue edge protection \(ARC-009\)" does not match .* \(not allowed: "\(" "\)"\)/),
    ]);
  });

  it("rejects leading/trailing whitespace, an empty or too long description, and a name with spaces", () => {
    expect(problems({ description: " edge" })[0]).toMatch(/does not match/);
    expect(problems({ description: "x".repeat(257) })[0]).toMatch(/is 257 characters; AWS accepts 1\.\.256/);
    expect(problems({ name: "prod waf" })[0]).toMatch(/^WAFv2 name "prod waf" does not match .*\(not allowed: " "\)/);
  });

  it("accepts the seeds' descriptions rewritten without parentheses", () => {
    for (const description of [
      "Aerologue edge protection, ARC-009",
      "Mile Quest REST API stage, regional endpoint",
      "AccountabilityAtlas ALB, seed 001 phase 3",
    ]) {
      expect(problems({ description })).toEqual([]);
    }
  });
});

describe("WebAcl provider", () => {
  it("creates a CLOUDFRONT ACL and its logging through a us-east-1 provider from another region's stack", async () => {
    const { AwsProvider } = await import("@cdktf/provider-aws/lib/provider");
    const { resource } = synthJson((s) => {
      const use1 = new AwsProvider(s, "use1", { region: "us-east-1", alias: "use1" });
      new WebAcl(s, "waf", { ...aerologue, provider: use1 });
    });
    expect(only(resource.aws_wafv2_web_acl, "acl").provider).toBe("aws.use1");
    expect(only(resource.aws_cloudwatch_log_group, "group").provider).toBe("aws.use1");
    expect(only(resource.aws_wafv2_web_acl_logging_configuration, "logging").provider).toBe("aws.use1");
  });
});
