/**
 * Shapes shared by the policy pack: the synthesized Terraform JSON of one stack, a rule, a finding.
 * Rules read the *synthesized* JSON (snake_case attributes, references as "${type.name.attr}"
 * strings), so a rule sees exactly what Terraform will plan, whatever construct produced it.
 */

/** A JSON object as it appears in synthesized Terraform. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** `stack.toTerraform()` / `JSON.parse(Testing.synth(stack))`: only the parts rules read. */
export interface TerraformJson {
  resource?: Record<string, Record<string, JsonObject>>;
  data?: Record<string, Record<string, JsonObject>>;
  [key: string]: unknown;
}

/** One resource (or data source, with `mode: "data"`) of the synthesized stack. */
export interface SynthResource {
  /** Terraform type, e.g. `aws_s3_bucket`. */
  type: string;
  /** Logical name in the stack, e.g. `logs_ABC123`. */
  name: string;
  /** Terraform address: `<type>.<name>` (data sources: `data.<type>.<name>`). */
  address: string;
  mode: "managed" | "data";
  /** The resource's attributes as synthesized (without cdktf's `//` metadata). */
  values: JsonObject;
  /** Construct path from cdktf metadata, when present: helps a reader find the code. */
  constructPath?: string;
}

export type Severity = "critical" | "high" | "medium" | "low";

/** What a rule found wrong with one resource: which attribute, its value, what we want. */
export interface Finding {
  /** Attribute path in Terraform terms, e.g. `versioning_configuration.status`. */
  attribute: string;
  /** The synthesized value, rendered for humans (`unset` when absent). */
  found: string;
  /** What would pass, in words or as the literal value. */
  expected: string;
  /** What AWS or Terraform does with this value, when it is more specific than the rule's (preflight). */
  consequence?: string;
}

/** Read-only view of a stack that rules use to follow references between resources. */
export interface StackIndex {
  /** Evaluation date (YYYY-MM-DD), injected for determinism (e.g. runtime deprecation dates). */
  readonly today: string;
  readonly resources: readonly SynthResource[];
  byAddress(address: string): SynthResource | undefined;
  ofType(type: string): SynthResource[];
  /**
   * Resources of `type` whose `attribute` (a dotted path; arrays are searched) references
   * `target`, e.g. `referencing(bucket, "aws_s3_bucket_versioning", "bucket")`.
   * Without `attribute`, any reference anywhere in the resource counts.
   */
  referencing(target: SynthResource, type: string, attribute?: string): SynthResource[];
  /** The resource a value such as "${aws_kms_key.k.arn}" points at (first reference), if any. */
  resolve(value: unknown): SynthResource | undefined;
}

/** One rule of the pack. A rule is pure: same JSON in, same findings out. */
export interface PolicyRule {
  /** Our id, stable: `INF-<AREA>-NNN`. Waivers name it. */
  id: string;
  title: string;
  /** Scanner ids this rule mirrors (checkov, cdk-nag), for people who know those. */
  mirrors: string[];
  /** Row(s) of the security catalogue (docs/POLICIES.md) this rule implements. */
  catalogue: number[];
  resourceTypes: string[];
  severity: Severity;
  /** Optional filter: false means "not applicable" (not counted as a check at all). */
  appliesTo?(resource: SynthResource, index: StackIndex): boolean;
  /** Empty array = compliant. */
  check(resource: SynthResource, index: StackIndex): Finding[];
}
