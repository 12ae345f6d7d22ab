import { changeKind } from "./summarize";
import type { ChangeJson, ChangeKind, ResourceChangeJson, TerraformPlanJson } from "./types";
import { formatValue, redact } from "./values";

/**
 * A Terraform-like text rendering of a JSON plan, for when the `terraform show -no-color` text is
 * not at hand. Top-level attributes only (nested blocks are printed inline); sensitive values are
 * always masked, unknown values read "(known after apply)".
 */

const HEADLINE: Record<ChangeKind, string> = {
  create: "will be created",
  update: "will be updated in-place",
  delete: "will be destroyed",
  replace: "must be replaced",
  forget: "will no longer be managed by Terraform",
  "create-forget": "will be replaced, the old object will no longer be managed by Terraform",
  read: "will be read during apply",
  "no-op": "",
};

const SYMBOL: Record<ChangeKind, string> = {
  create: "+",
  update: "~",
  delete: "-",
  replace: "-/+",
  forget: ".",
  "create-forget": "+/.",
  read: "<=",
  "no-op": " ",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(tree: unknown, key: string): unknown {
  return tree === true ? true : isRecord(tree) ? tree[key] : undefined;
}

function attributeLines(rc: ResourceChangeJson, kind: ChangeKind): string[] {
  const c = rc.change;
  const before = isRecord(c.before) ? c.before : {};
  const after = isRecord(c.after) ? c.after : {};
  const forcing = new Set((c.replace_paths ?? []).map((p) => String(p[0])));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...(isRecord(c.after_unknown) ? Object.keys(c.after_unknown) : [])])].sort();
  const lines: string[] = [];
  for (const key of keys) {
    const b = redact(before[key], field(c.before_sensitive, key));
    const a = redact(after[key], field(c.after_sensitive, key), field(c.after_unknown, key));
    const unknown = field(c.after_unknown, key) !== undefined && field(c.after_unknown, key) !== false;
    const note = forcing.has(key) ? " # forces replacement" : "";
    if (kind === "create" || kind === "read" || kind === "create-forget") {
      if (after[key] !== null && (after[key] !== undefined || unknown)) lines.push(`+ ${key} = ${formatValue(a)}`);
    } else if (kind === "delete" || kind === "forget") {
      if (before[key] !== null && before[key] !== undefined) lines.push(`- ${key} = ${formatValue(b)}`);
    } else if (unknown || JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      if (before[key] === undefined || before[key] === null) lines.push(`+ ${key} = ${formatValue(a)}${note}`);
      else if (!unknown && (after[key] === undefined || after[key] === null)) lines.push(`- ${key} = ${formatValue(b)}${note}`);
      else lines.push(`~ ${key} = ${formatValue(b)} -> ${formatValue(a)}${note}`);
    }
  }
  return lines;
}

function resourceBlock(rc: ResourceChangeJson): string[] {
  const kind = changeKind(rc.change.actions) ?? "no-op";
  const moved = rc.previous_address && rc.previous_address !== rc.address;
  if (kind === "no-op" && !moved && !rc.change.importing) return [];
  const notes: string[] = [];
  if (moved) notes.push(`# (moved from ${rc.previous_address})`);
  if (rc.change.importing) notes.push(`# (imported from "${rc.change.importing.id ?? "identity"}")`);
  if (rc.action_reason) notes.push(`# (reason: ${rc.action_reason})`);
  const headline = kind === "no-op" ? (moved ? "has moved" : "will be imported") : HEADLINE[kind];
  const deposed = rc.deposed ? ` (deposed object ${rc.deposed})` : "";
  const label = rc.mode === "data" ? "data" : "resource";
  // create_before_destroy replacements read "+/-", as in Terraform's own output
  const symbol = kind === "replace" && rc.change.actions[0] === "create" ? "+/-" : SYMBOL[kind];
  const body = kind === "no-op" ? [] : attributeLines(rc, kind).map((l) => `      ${l}`);
  return [
    `  # ${rc.address}${deposed} ${headline}`,
    ...notes.map((n) => `  ${n}`),
    `  ${symbol} ${label} "${rc.type ?? "?"}" "${rc.name ?? rc.address}" {`,
    ...body,
    "    }",
    "",
  ];
}

function outputLine(name: string, c: ChangeJson): string | undefined {
  const kind = changeKind(c.actions);
  if (kind === "no-op") return undefined;
  const b = formatValue(redact(c.before, c.before_sensitive));
  const a = formatValue(redact(c.after, c.after_sensitive, c.after_unknown));
  if (kind === "create") return `  + ${name} = ${a}`;
  if (kind === "delete") return `  - ${name} = ${b}`;
  return `  ~ ${name} = ${b} -> ${a}`;
}

/** Renders the changes of one plan as Terraform-like text ("No changes." when there are none). */
export function renderPlanText(plan: TerraformPlanJson): string {
  const blocks = (plan.resource_changes ?? []).flatMap(resourceBlock);
  const outputs = Object.entries(plan.output_changes ?? {})
    .map(([name, c]) => outputLine(name, c))
    .filter((l): l is string => l !== undefined);
  const parts: string[] = [];
  if (blocks.length) parts.push("Terraform will perform the following actions:", "", ...blocks);
  if (outputs.length) parts.push("Changes to Outputs:", ...outputs, "");
  if (!parts.length) return "No changes. Your infrastructure matches the configuration.";
  return parts.join("\n").trimEnd();
}
