import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { LOG_RETENTION_DAYS, checkAwsText } from "@infra/config";
import { markLibrary } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DEFAULT_MANAGED_RULE_GROUPS, type ManagedRuleGroup, type RateLimit, buildRules, validateRuleInputs } from "./rules";

export interface WafLogging {
  /** Days the `aws-waf-logs-<name>` log group keeps records. */
  readonly retentionDays: number;
  /** CMK for the log group (same region as the ACL: us-east-1 for CLOUDFRONT scope). */
  readonly kmsKeyArn: string;
  /** Header names whose values never reach the logs. @default ["authorization", "cookie"] */
  readonly redactedHeaders?: readonly string[];
}

export interface WebAclProps {
  /** ACL name, e.g. "aerologue-prod-waf". Also names metrics and the log group. */
  readonly name: string;
  /**
   * CLOUDFRONT ACLs exist only in us-east-1: the stack's provider (or the one this construct is
   * created under) must be us-east-1. REGIONAL ACLs protect ALBs, API Gateway REST stages,
   * Cognito user pools in their own region.
   */
  readonly scope: "CLOUDFRONT" | "REGIONAL";
  /**
   * What the ACL protects. WAFv2 accepts letters, digits, whitespace and + = : # @ / - , . only
   * (no parentheses): checked here, because `terraform validate` does not. @default none
   */
  readonly description?: string;
  /** AWS managed rule groups, evaluated in this order. @default Common + KnownBadInputs */
  readonly managedRuleGroups?: readonly ManagedRuleGroup[];
  /**
   * A custom XSS rule over body, query string, URI and cookie (URL- and HTML-decoded). The Common
   * rule set already has XSS rules; use this when Common is off or in count mode. @default false
   */
  readonly xssRule?: boolean;
  /** Per-IP rate limit. @default none */
  readonly rateLimit?: RateLimit;
  /** ISO alpha-2 countries to block. @default [] (no geo rule at all) */
  readonly geoBlockCountries?: readonly string[];
  /** What happens to requests no rule matched. @default "allow" */
  readonly defaultAction?: "allow" | "block";
  /** Logging to the `aws-waf-logs-<name>` log group (the prefix WAF requires). */
  readonly logging: WafLogging;
  /**
   * Provider the ACL, its log group and logging configuration are made with. For CLOUDFRONT scope
   * in a stack whose provider is not us-east-1, pass an aliased us-east-1 provider.
   * @default the stack's provider
   */
  readonly provider?: TerraformProvider;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props WAFv2 would refuse at apply; `problems` lists each one. */
export class WebAclPropsError extends Error {
  constructor(
    readonly aclName: string,
    readonly problems: readonly string[],
  ) {
    super(`WebAcl "${aclName}": ${problems.join("; ")}`);
    this.name = "WebAclPropsError";
  }
}

/**
 * A WAFv2 web ACL with typed AWS managed rule groups, an optional per-IP rate limit, geo block
 * and XSS rule, CloudWatch metrics on every rule, and logging (with redacted credentials) to its
 * own encrypted log group.
 */
export class WebAcl extends Construct {
  readonly webAclArn: string;
  readonly webAclId: string;
  readonly webAclName: string;
  readonly scope: "CLOUDFRONT" | "REGIONAL";
  readonly logGroupName: string;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    markLibrary(this, "waf");
    const inputs = {
      metricPrefix: props.name,
      managedRuleGroups: props.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS,
      xssRule: props.xssRule ?? false,
      rateLimit: props.rateLimit,
      geoBlockCountries: props.geoBlockCountries ?? [],
    };
    const errors = [
      checkAwsText("wafName", props.name),
      props.description === undefined ? undefined : checkAwsText("wafDescription", props.description),
      (LOG_RETENTION_DAYS as readonly number[]).includes(props.logging.retentionDays)
        ? undefined
        : `logging.retentionDays ${props.logging.retentionDays} must be one of ${LOG_RETENTION_DAYS.join(", ")}`,
      ...validateRuleInputs(inputs),
    ].filter((e): e is string => e !== undefined);
    if (errors.length > 0) throw new WebAclPropsError(props.name, errors);
    this.scope = props.scope;
    const tags = { ...(props.tags ?? {}), Name: props.name };

    const provider = props.provider;
    this.provider = provider;
    const acl = new Wafv2WebAcl(this, "web-acl", {
      provider,
      name: props.name,
      description: props.description,
      scope: props.scope,
      defaultAction: (props.defaultAction ?? "allow") === "allow" ? { allow: {} } : { block: {} },
      rule: buildRules(inputs),
      visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: props.name },
      tags,
    });
    this.webAclArn = acl.arn;
    this.webAclId = acl.id;
    this.webAclName = acl.name;

    const group = new CloudwatchLogGroup(this, "log-group", {
      provider,
      name: `aws-waf-logs-${props.name}`,
      retentionInDays: props.logging.retentionDays,
      kmsKeyId: props.logging.kmsKeyArn,
      tags,
    });
    declareLogGroupKey(group, props.logging.kmsKeyArn);
    this.logGroupName = group.name;
    new Wafv2WebAclLoggingConfiguration(this, "logging", {
      provider,
      resourceArn: acl.arn,
      logDestinationConfigs: [group.arn],
      redactedFields: (props.logging.redactedHeaders ?? ["authorization", "cookie"]).map((name) => ({ singleHeader: { name: name.toLowerCase() } })),
    });
  }

  /** Protect a regional resource: an ALB, an API Gateway REST stage, a Cognito user pool, ... */
  associate(id: string, resourceArn: string): Wafv2WebAclAssociation {
    if (this.scope !== "REGIONAL") {
      throw new Error(`WebAcl ${this.node.path}: a CLOUDFRONT ACL is attached by the distribution's webAclId, not associated`);
    }
    return new Wafv2WebAclAssociation(this, `association-${id}`, { provider: this.provider, resourceArn, webAclArn: this.webAclArn });
  }
}
