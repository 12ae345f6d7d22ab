/**
 * Attribute values of a JSON plan, made safe to print. Terraform's JSON plan carries sensitive
 * values in clear text and marks them in the parallel `*_sensitive` trees; unknown values are marked
 * in `after_unknown`. Everything printed from a plan goes through {@link redact} first.
 */

const SENSITIVE = "(sensitive value)";
const UNKNOWN = "(known after apply)";

/** A value replaced by a placeholder; printed bare (unquoted). */
class Placeholder {
  constructor(readonly text: string) {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Child of a marker tree (`true` marks the whole subtree, objects/arrays mark parts of it). */
function child(marks: unknown, key: string | number): unknown {
  if (marks === true) return true;
  if (Array.isArray(marks) && typeof key === "number") return marks[key];
  if (isRecord(marks) && typeof key === "string") return marks[key];
  return undefined;
}

/**
 * Replaces sensitive leaves (per `sensitive`) and unknown leaves (per `unknown`) with placeholders.
 * Sensitivity wins over unknown-ness and over the value: a sensitive secret is never returned.
 */
export function redact(value: unknown, sensitive: unknown, unknown?: unknown): unknown {
  if (sensitive === true) return new Placeholder(SENSITIVE);
  if (unknown === true) return new Placeholder(UNKNOWN);
  if (Array.isArray(value)) return value.map((v, i) => redact(v, child(sensitive, i), child(unknown, i)));
  if (isRecord(value)) {
    const keys = new Set([...Object.keys(value), ...(isRecord(unknown) ? Object.keys(unknown) : [])]);
    return Object.fromEntries([...keys].map((k) => [k, redact(value[k], child(sensitive, k), child(unknown, k))]));
  }
  return value;
}

/** Compact, HCL-flavoured rendering of a redacted value. */
export function formatValue(value: unknown): string {
  if (value instanceof Placeholder) return value.text;
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k} = ${formatValue(v)}`).join(", ")} }` : "{}";
  }
  return String(value);
}
