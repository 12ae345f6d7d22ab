/**
 * The parts of Terraform's JSON plan representation (`terraform show -json <planfile>`) that this
 * library reads. Documented at https://developer.hashicorp.com/terraform/internals/json-format;
 * `format_version` is "1.x" (1.2 as of Terraform 1.10+). Unknown properties are ignored, as the
 * format's compatibility promise asks of consumers.
 */
export interface TerraformPlanJson {
  format_version: string;
  terraform_version?: string;
  resource_changes?: ResourceChangeJson[];
  /** Changes Terraform found outside of Terraform while refreshing (drift). */
  resource_drift?: ResourceChangeJson[];
  output_changes?: Record<string, ChangeJson>;
  /** true when planning failed part-way (Terraform >= 1.4); the plan is then incomplete. */
  errored?: boolean;
  applyable?: boolean;
  complete?: boolean;
}

export interface ResourceChangeJson {
  address: string;
  /** Set when a `moved` block (or a refactor) moved this object from another address. */
  previous_address?: string;
  mode?: "managed" | "data";
  type?: string;
  name?: string;
  /** Set for a deposed object (left behind by a failed create_before_destroy). */
  deposed?: string;
  change: ChangeJson;
  /** e.g. "replace_because_cannot_update", "delete_because_no_resource_config". */
  action_reason?: string;
}

export interface ChangeJson {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: (string | number)[][];
  /** Present (non-null) when the change also imports an existing object. */
  importing?: { id?: string; identity?: unknown; unknown?: boolean } | null;
}

/** What Terraform will do to one resource instance, reduced to one word. */
export type ChangeKind = "create" | "update" | "delete" | "replace" | "forget" | "create-forget" | "read" | "no-op";

export interface ResourceChangeSummary {
  address: string;
  kind: ChangeKind;
  /** Data source reads (`mode: data`) are listed apart from managed resources. */
  mode: "managed" | "data";
  previousAddress?: string;
  importing?: boolean;
  reason?: string;
  /** Attribute paths that force a replacement, dotted ("ami", "tags.Name"). */
  replacePaths?: string[];
}

/**
 * Counts for one stack's plan.
 *
 * Unlike Terraform's own "Plan: X to add, Y to change, Z to destroy" line, a replacement is counted
 * once, in `replaces`, and not also in `adds` and `destroys`: a reviewer should see replacements
 * on their own. `imports` and `moved` overlap the other counts (an import can also update).
 */
export interface PlanSummary {
  formatVersion: string;
  terraformVersion?: string;
  adds: number;
  changes: number;
  destroys: number;
  replaces: number;
  /** Objects removed from state without being destroyed (`removed { lifecycle { destroy = false } }`). */
  forgets: number;
  imports: number;
  moved: number;
  /** Data sources read during apply (their values were unknown at plan time). */
  reads: number;
  /** Root outputs that will change (created, updated or removed). */
  outputChanges: number;
  /** Resources changed outside Terraform since the last apply (from `resource_drift`). */
  drifted: number;
  /** true when the plan would change infrastructure, state addresses or outputs. */
  hasChanges: boolean;
  /** Terraform reported that planning errored: the plan is incomplete and cannot be applied. */
  errored: boolean;
  /** Every resource instance that is not a no-op, in Terraform's order. */
  resources: ResourceChangeSummary[];
  /**
   * Cross-stack reads planned on placeholder values because the stacks producing them are not
   * applied yet (the input of the placeholder guard; docs/fresh-env-plan.md). Absent when none.
   */
  placeholders?: string[];
}
