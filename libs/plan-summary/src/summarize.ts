import type { ChangeKind, ResourceChangeJson, PlanSummary, ResourceChangeSummary, TerraformPlanJson } from "./types";

/** A file or value that is not a Terraform JSON plan this library understands. */
export class PlanFormatError extends Error {
  override readonly name = "PlanFormatError";
}

const KINDS: Record<string, ChangeKind> = {
  "no-op": "no-op",
  create: "create",
  read: "read",
  update: "update",
  delete: "delete",
  "delete,create": "replace",
  "create,delete": "replace",
  forget: "forget",
  "create,forget": "create-forget",
};

/** Maps a documented `change.actions` array to one kind; anything else is a format error. */
export function changeKind(actions: readonly string[]): ChangeKind | undefined {
  return KINDS[actions.join(",")];
}

/** Parses the text of `terraform show -json <planfile>`; `source` names the file in errors. */
export function parsePlanJson(text: string, source = "plan"): TerraformPlanJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanFormatError(`${source}: not valid JSON (${(error as Error).message}). Expected the output of \`terraform show -json <planfile>\`.`);
  }
  assertPlan(value, source);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks the shape this library relies on; errors name the source, the field and what was found. */
export function assertPlan(value: unknown, source = "plan"): asserts value is TerraformPlanJson {
  const fail = (message: string): never => {
    throw new PlanFormatError(`${source}: ${message}`);
  };
  if (!isRecord(value)) fail(`expected a JSON object, got ${Array.isArray(value) ? "an array" : typeof value}.`);
  const plan = value as Record<string, unknown>;
  if (typeof plan.format_version !== "string") {
    fail("missing `format_version`: this is not `terraform show -json <planfile>` output.");
  }
  const major = String(plan.format_version).split(".")[0];
  if (major !== "1") fail(`unsupported format_version "${String(plan.format_version)}" (this tool reads 1.x).`);
  if (!("planned_values" in plan) && !("resource_changes" in plan) && "values" in plan) {
    fail("this is a state file rendered as JSON, not a plan. Run `terraform show -json <planfile>` on a saved plan.");
  }
  for (const key of ["resource_changes", "resource_drift"] as const) {
    const list = plan[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`\`${key}\` must be an array, got ${typeof list}.`);
    (list as unknown[]).forEach((entry, index) => {
      const where = `${key}[${index}]`;
      if (!isRecord(entry) || typeof entry.address !== "string") fail(`${where} has no \`address\`.`);
      const rc = entry as Record<string, unknown>;
      const change = rc.change;
      if (!isRecord(change) || !Array.isArray(change.actions)) fail(`${where} (${String(rc.address)}) has no \`change.actions\` array.`);
      const actions = (change as { actions: unknown[] }).actions;
      if (!actions.every((a) => typeof a === "string") || !changeKind(actions as string[])) {
        fail(`${where} (${String(rc.address)}) has unknown actions ${JSON.stringify(actions)}.`);
      }
    });
  }
  const outputs = plan.output_changes;
  if (outputs !== undefined) {
    if (!isRecord(outputs)) fail("`output_changes` must be an object.");
    for (const [name, change] of Object.entries(outputs as Record<string, unknown>)) {
      if (!isRecord(change) || !Array.isArray(change.actions)) fail(`output_changes.${name} has no \`actions\` array.`);
    }
  }
}

/** The guard a stack plans while it reads placeholders (PLACEHOLDER_GUARD in libs/core/src/cross-stack/fresh-env.ts). */
export const PLACEHOLDER_GUARD_NAME = "cross-stack-placeholder-guard";

/** The reads a plan makes on placeholders: the input of the guard it would create. */
function placeholdersOf(rc: ResourceChangeJson, kind: ChangeKind): string[] | undefined {
  if (rc.mode === "data" || rc.type !== "terraform_data" || rc.name !== PLACEHOLDER_GUARD_NAME || kind !== "create") return undefined;
  const input = (rc.change.after as { input?: unknown } | null | undefined)?.input;
  return Array.isArray(input) ? input.filter((x): x is string => typeof x === "string") : [];
}

function pathToString(path: readonly (string | number)[]): string {
  return path.map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`)).join("");
}

function summarizeResource(rc: ResourceChangeJson, kind: ChangeKind): ResourceChangeSummary {
  const out: ResourceChangeSummary = { address: rc.address, kind, mode: rc.mode === "data" ? "data" : "managed" };
  if (rc.previous_address && rc.previous_address !== rc.address) out.previousAddress = rc.previous_address;
  if (rc.change.importing) out.importing = true;
  if (rc.action_reason) out.reason = rc.action_reason;
  if (kind === "replace" && rc.change.replace_paths?.length) out.replacePaths = rc.change.replace_paths.map(pathToString);
  return out;
}

/**
 * Reduces `terraform show -json <planfile>` output to counts per kind of change plus the list of
 * resource instances that are not no-ops. Pure: validates its input and throws
 * {@link PlanFormatError} (naming `source`) when it is not a 1.x plan.
 */
export function summarizePlan(planJson: unknown, source = "plan"): PlanSummary {
  assertPlan(planJson, source);
  const summary: PlanSummary = {
    formatVersion: planJson.format_version,
    ...(planJson.terraform_version ? { terraformVersion: planJson.terraform_version } : {}),
    adds: 0,
    changes: 0,
    destroys: 0,
    replaces: 0,
    forgets: 0,
    imports: 0,
    moved: 0,
    reads: 0,
    outputChanges: 0,
    drifted: (planJson.resource_drift ?? []).length,
    hasChanges: false,
    errored: planJson.errored === true,
    resources: [],
  };
  for (const rc of planJson.resource_changes ?? []) {
    const kind = changeKind(rc.change.actions) as ChangeKind;
    const item = summarizeResource(rc, kind);
    const placeholders = placeholdersOf(rc, kind);
    if (placeholders) summary.placeholders = [...(summary.placeholders ?? []), ...placeholders];
    if (kind === "create") summary.adds++;
    else if (kind === "update") summary.changes++;
    else if (kind === "delete") summary.destroys++;
    else if (kind === "replace") summary.replaces++;
    else if (kind === "forget") summary.forgets++;
    else if (kind === "create-forget") {
      summary.adds++;
      summary.forgets++;
    } else if (kind === "read") summary.reads++;
    if (item.importing) summary.imports++;
    if (item.previousAddress) summary.moved++;
    if (kind !== "no-op" || item.importing || item.previousAddress) summary.resources.push(item);
  }
  summary.outputChanges = Object.values(planJson.output_changes ?? {}).filter((c) => changeKind(c.actions) !== "no-op").length;
  summary.hasChanges =
    summary.adds + summary.changes + summary.destroys + summary.replaces + summary.forgets + summary.imports + summary.moved + summary.outputChanges > 0;
  return summary;
}
