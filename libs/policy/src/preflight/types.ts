/**
 * The preflight family: rules that know what neither `terraform validate` nor a security scanner
 * checks, i.e. what makes a first `plan`/`apply` on a fresh account fail (or never converge).
 * Same shapes as the policy pack (findings, waivers, reports); two differences:
 * - a rule states what AWS or Terraform does when it is violated (`consequence`);
 * - a rule has a scope: `stack` rules see one stack (they run in each stack's synth validation),
 *   `env` rules see every stack of the env at once (keys in one stack, their users in others),
 *   grouped by account and region, with cdktf cross-stack references followed to their producer.
 */
import type { Finding, Severity, StackIndex, SynthResource, TerraformJson } from "../types";

/** One synthesized stack, in the env's deploy order. */
export interface PreflightStackInput {
  /** Stack name (`<env>-<region>-<category>-<module>`). */
  readonly name: string;
  readonly json: TerraformJson;
  /** Stacks this one depends on (declared dependencies). @default the producers of its remote state reads */
  readonly dependsOn?: readonly string[];
  /** Account the stack deploys to. @default the default aws provider's `allowed_account_ids[0]` */
  readonly account?: string;
  /** Region of the default provider. @default the default aws provider's `region` */
  readonly region?: string;
}

/** Facts about the env that the Terraform JSON does not hold: inputs to some rules, from config. */
export interface PreflightFacts {
  /**
   * Lambda concurrent executions quota (Service Quotas L-B99A9384) per region of the env's account.
   * @default 1000 in every region (the AWS default; new accounts may start lower)
   */
  readonly lambdaConcurrency?: Readonly<Record<string, number>>;
  /**
   * What exists before `deploy` because a person creates it (the fresh-account prerequisites that
   * `infra preflight` lists and checks): secrets whose value is set by hand, zones delegated from
   * outside the env. Declared by constructs while they are built (libs/core `requirePrerequisite`:
   * a HostedZone delegated at a registrar or from another account's zone, a reader of a secret
   * that takes no ARN) or by the env config (`prerequisites`).
   * @default none
   */
  readonly prerequisites?: {
    readonly secrets?: readonly DeclaredPrerequisite[];
    readonly zones?: readonly DeclaredPrerequisite[];
  };
}

/** One declared fresh-account prerequisite, as the rules match it against what a stack needs. */
export interface DeclaredPrerequisite {
  /** Secret name (or ARN), or zone name. */
  readonly name: string;
  /** The account it is provided in. @default any account of the env (env config prerequisites name none) */
  readonly account?: string;
  /** Who declared it: a construct path or a config file. */
  readonly declaredBy: string;
}

/** A stack of the env as rules see it. */
export interface StackView {
  readonly name: string;
  readonly json: TerraformJson;
  /** The policy pack's per-stack index (resources, references inside the stack). */
  readonly index: StackIndex;
  readonly account: string | undefined;
  readonly region: string | undefined;
  /** Position in the env's deploy order (0 = first). */
  readonly order: number;
  /** Direct dependencies (stack names). */
  readonly dependsOn: readonly string[];
  /** Region of a resource: its own `region` argument (provider 6), else its provider alias's region, else the stack's. */
  regionOf(resource: SynthResource): string | undefined;
}

/** A resource (or data source) and the stack it lives in. */
export interface Located {
  readonly stack: StackView;
  readonly resource: SynthResource;
}

/** Where a reference leads, after following remote state to the producing stack. */
export interface Target {
  readonly stack: StackView;
  /** `aws_kms_key.k`, `data.aws_iam_policy_document.p`. */
  readonly address: string;
  readonly attribute: string;
  /** The resource, when it exists in that stack. */
  readonly resource?: SynthResource;
  /** A producer output whose value is a plain string (no reference behind it). */
  readonly literal?: string;
}

/** How a stack that creates something relates to one that needs it (deploy order). */
export type Availability = "same-stack" | "dependency" | "earlier" | "later";

export interface EnvIndex {
  readonly today: string;
  readonly stacks: readonly StackView[];
  readonly facts: PreflightFacts;
  stack(name: string): StackView | undefined;
  /** Every resource of `type` in the env (`data.<type>` for data sources), in deploy order. */
  ofType(type: string): Located[];
  /** Every target a value references, remote state followed to the producer. */
  resolveAll(from: StackView, value: unknown): Target[];
  /** The first target of a value (e.g. `kms_key_id = "${...arn}"`). */
  resolve(from: StackView, value: unknown): Target | undefined;
  /** Resources of `type` (`data.<type>` for data sources) anywhere in the env whose `attribute` (dotted, or any) references `target`. */
  referencing(target: Located, type: string, attribute?: string): Located[];
  /**
   * The value as AWS will see it, as far as synth knows it: references to names, ARNs of named
   * resources, account id, region and partition are substituted; anything else becomes `⟨expr⟩`.
   */
  render(from: StackView, value: string): string;
  /** Is what `creator` creates there when `user` is applied? */
  availability(creator: StackView, user: StackView): Availability;
}

export type PreflightScope = "stack" | "env";

/** One preflight rule. Pure: same stacks in, same findings out. */
export interface PreflightRule {
  /** Stable id `PRE-<AREA>-NNN`; waivers name it. */
  readonly id: string;
  readonly title: string;
  /** What AWS or Terraform does when the rule is violated. */
  readonly consequence: string;
  readonly severity: Severity;
  /** Row(s) of the security catalogue (../shared/POLICIES.md) this rule touches, if any. */
  readonly catalogue: readonly number[];
  /** Issue 11's defect classes this rule catches. */
  readonly defects: readonly number[];
  /** `stack`: needs one stack (runs per stack at synth); `env`: needs every stack of the env. */
  readonly scope: PreflightScope;
  /** Subject types; `data.<type>` for data sources; `*` / `data.*` for every resource / data source. */
  readonly resourceTypes: readonly string[];
  /** false: not applicable (not counted as a check). */
  appliesTo?(subject: Located, env: EnvIndex): boolean;
  /** Empty array = compliant. */
  check(subject: Located, env: EnvIndex): Finding[];
}

/** Shorthand used by rules for the subject's address in messages. */
export function where(l: Located): string {
  return `${l.stack.name}/${l.resource.address}`;
}

export type { Finding, SynthResource, TerraformJson };
