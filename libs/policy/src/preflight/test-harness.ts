/**
 * Test helpers for preflight rules: hand-built stacks of one env (default account 111111111111,
 * us-east-1), cdktf-shaped cross-stack references, and the failing findings of one rule.
 */
import type { CheckStatus } from "../report";
import type { JsonObject, TerraformJson } from "../types";
import { evaluatePreflight } from "./evaluate";
import type { PreflightFacts, PreflightRule, PreflightStackInput } from "./types";

export const TEST_TODAY = "2026-06-01";
export const ACCOUNT = "111111111111";
export const REGION = "us-east-1";

export type Resources = Record<string, Record<string, JsonObject>>;

/** A stack fixture; `data` for data sources, `region`/`account` override the provider. */
export interface StackFixture {
  resource?: Resources;
  data?: Resources;
  region?: string;
  account?: string;
  dependsOn?: string[];
  /** Extra aliased providers: alias → region. */
  aliases?: Record<string, string>;
}

/** An env under test: stacks in deploy order, cross-stack references wired the way cdktf does. */
export class EnvFixture {
  private readonly stacks = new Map<string, { fixture: StackFixture; outputs: Record<string, { value: string }>; remote: Resources[string] }>();

  constructor(stacks: Record<string, StackFixture> = {}) {
    for (const [name, fixture] of Object.entries(stacks)) this.add(name, fixture);
  }

  /** Add a stack, or replace the resources of one already added (keeping its cross-stack wiring and place). */
  add(name: string, fixture: StackFixture): this {
    const existing = this.stacks.get(name);
    this.stacks.set(name, { fixture, outputs: existing?.outputs ?? {}, remote: existing?.remote ?? {} });
    return this;
  }

  /**
   * `consumer` reads `expression` (e.g. `aws_kms_key.k.arn`) of `producer`: an output in the
   * producer, a remote state in the consumer. Returns the consumer's `${...}` string.
   */
  ref(producer: string, consumer: string, expression: string): string {
    const p = this.stacks.get(producer)!;
    const c = this.stacks.get(consumer)!;
    const output = `cross-stack-output-${expression.replace(/[.[\]]/g, "")}`;
    p.outputs[output] = { value: `\${${expression}}` };
    const remote = `cross-stack-reference-input-${producer}`;
    c.remote[remote] = { backend: "s3", config: { bucket: "state", key: `${producer}/terraform.tfstate`, region: REGION } };
    return `\${data.terraform_remote_state.${remote}.outputs.${output}}`;
  }

  inputs(): PreflightStackInput[] {
    return [...this.stacks.entries()].map(([name, s]) => {
      const { fixture } = s;
      const region = fixture.region ?? REGION;
      const account = fixture.account ?? ACCOUNT;
      const json: TerraformJson = {
        provider: {
          aws: [
            { region, allowed_account_ids: [account] },
            ...Object.entries(fixture.aliases ?? {}).map(([alias, r]) => ({ alias, region: r, allowed_account_ids: [account] })),
          ],
        },
        terraform: { backend: { s3: { bucket: "state", key: `${name}/terraform.tfstate`, region: REGION } } },
        ...(fixture.resource ? { resource: fixture.resource } : {}),
        data: { ...(fixture.data ?? {}), ...(Object.keys(s.remote).length ? { terraform_remote_state: s.remote } : {}) },
        ...(Object.keys(s.outputs).length ? { output: s.outputs } : {}),
      };
      return { name, json, ...(fixture.dependsOn ? { dependsOn: fixture.dependsOn } : {}) };
    });
  }
}

type Input = EnvFixture | Resources;

function asInputs(input: Input): PreflightStackInput[] {
  return input instanceof EnvFixture ? input.inputs() : new EnvFixture({ test: { resource: input } }).inputs();
}

function reports(rule: PreflightRule, input: Input, facts?: PreflightFacts) {
  return evaluatePreflight(asInputs(input), { today: TEST_TODAY, rules: [rule], ...(facts ? { facts } : {}) });
}

/** Every failing finding, flattened, as `{ rule, address: "<stack>/<address>", attribute, found, expected }`. */
export function preflightFailures(rule: PreflightRule, input: Input, facts?: PreflightFacts) {
  return reports(rule, input, facts)
    .flatMap((r) => r.results)
    .filter((r) => r.status === "failed")
    .flatMap((r) =>
      r.findings.map((f) => ({ rule: r.rule, address: `${r.stack}/${r.address}`, attribute: f.attribute, found: f.found, expected: f.expected })),
    );
}

/** Status per checked `<stack>/<address>`: proves the rule ran on (and passed) a subject. */
export function preflightStatuses(rule: PreflightRule, input: Input, facts?: PreflightFacts): Record<string, CheckStatus> {
  return Object.fromEntries(
    reports(rule, input, facts)
      .flatMap((r) => r.results)
      .map((r) => [`${r.stack}/${r.address}`, r.status]),
  );
}

/** The EC2 Auto Scaling service-linked role of the test account. */
export const AUTOSCALING_SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;

/**
 * Key policy statements as AWS documents them for each service (the account root, CloudWatch Logs,
 * SNS publishers, EC2 Auto Scaling's service-linked role), for key policy fixtures.
 */
export const KEY_STATEMENTS: Readonly<Record<"ROOT" | "LOGS" | "PUBLISHERS" | "ASG_USE" | "ASG_GRANT", JsonObject>> = {
  ROOT: { sid: "Root", effect: "Allow", actions: ["kms:*"], resources: ["*"], principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${ACCOUNT}:root`] }] },
  LOGS: {
    sid: "Logs",
    effect: "Allow",
    principals: [{ type: "Service", identifiers: ["logs.us-east-1.amazonaws.com"] }],
    actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    resources: ["*"],
    condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`] }],
  },
  PUBLISHERS: {
    sid: "Publishers",
    effect: "Allow",
    principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] }],
    actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
    resources: ["*"],
    condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [ACCOUNT] }],
  },
  ASG_USE: {
    sid: "AsgUse",
    effect: "Allow",
    principals: [{ type: "AWS", identifiers: [AUTOSCALING_SLR] }],
    actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
    resources: ["*"],
  },
  ASG_GRANT: {
    sid: "AsgGrant",
    effect: "Allow",
    principals: [{ type: "AWS", identifiers: [AUTOSCALING_SLR] }],
    actions: ["kms:CreateGrant"],
    resources: ["*"],
    condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
  },
};
