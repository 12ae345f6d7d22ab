import { XraySamplingRule } from "@cdktf/provider-aws/lib/xray-sampling-rule";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export interface TracingSamplingRuleProps {
  /** Rule name, 1-32 characters, e.g. "aerologue-prod". */
  readonly name: string;
  /** Fraction of requests traced after the reservoir, 0..1. Seed 000 ARC-010: 0.05. */
  readonly fixedRate: number;
  /** Requests per second always traced before the rate applies. @default 1 */
  readonly reservoirSize?: number;
  /** Lower wins; the default rule is 10000. @default 1000 */
  readonly priority?: number;
  /** X-Ray service name to match, e.g. "aerologue-prod-*". @default "*" */
  readonly serviceName?: string;
  /** e.g. "AWS::Lambda::Function", "AWS::ApiGateway::Stage". @default "*" */
  readonly serviceType?: string;
  /** @default "*" */
  readonly urlPath?: string;
  /** Tags of the rule, over the provider's default tags. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An X-Ray sampling rule (seed 000 ARC-010: "Sampling: 5% of requests"). Applies to every traced
 * service that matches: Lambda functions with Active tracing, REST API stages, Step Functions.
 */
export class TracingSamplingRule extends Construct {
  readonly ruleArn: string;
  private readonly rule: XraySamplingRule;

  constructor(scope: Construct, id: string, props: TracingSamplingRuleProps) {
    super(scope, id);
    markLibrary(this, "lambda");
    const errors = [
      /^[A-Za-z0-9_-]{1,32}$/.test(props.name) ? undefined : `name "${props.name}" must be 1-32 letters, digits, "-" or "_"`,
      props.fixedRate < 0 || props.fixedRate > 1 ? `fixedRate ${props.fixedRate} must be between 0 and 1` : undefined,
      props.priority !== undefined && (!Number.isInteger(props.priority) || props.priority < 1 || props.priority > 9999)
        ? `priority ${props.priority} must be 1..9999`
        : undefined,
    ].filter((e): e is string => e !== undefined);
    if (errors.length > 0) throw new Error(`TracingSamplingRule "${props.name}": ${errors.join("; ")}`);
    const rule = (this.rule = new XraySamplingRule(this, "rule", {
      ruleName: props.name,
      priority: props.priority ?? 1000,
      fixedRate: props.fixedRate,
      reservoirSize: props.reservoirSize ?? 1,
      serviceName: props.serviceName ?? "*",
      serviceType: props.serviceType ?? "*",
      host: "*",
      httpMethod: "*",
      urlPath: props.urlPath ?? "*",
      resourceArn: "*",
      version: 1,
      ...(props.tags ? { tags: { ...props.tags } } : {}),
    }));
    this.ruleArn = rule.arn;
  }

  /**
   * The rule stood at `address` (e.g. `aws_xray_sampling_rule.xray-sampling`, a raw resource before this
   * construct): a `moved` block carries its state over, so the first plan after the change is a no-op.
   */
  movedFrom(address: string): this {
    this.rule.moveFromId(address);
    return this;
  }
}
