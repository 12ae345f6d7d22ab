/**
 * Small readers shared by rules. Synthesized JSON renders a nested block as an object or as a
 * one-element array depending on the provider schema; these helpers hide that difference.
 */
import type { Finding, Json, JsonObject, StackIndex } from "../types";

export const UNSET = "unset";

/** Render a value for `found`: `unset`, a string as is, anything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return UNSET;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function finding(attribute: string, found: unknown, expected: string): Finding {
  return { attribute, found: show(found), expected };
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** All blocks under `key` (a list block, a single block, or none). */
export function blocks(values: JsonObject | undefined, key: string): JsonObject[] {
  const raw = values?.[key];
  if (Array.isArray(raw)) return raw.filter(isObject);
  return isObject(raw) ? [raw] : [];
}

/** The value at a dotted path; single-element list blocks are stepped through. */
export function get(values: JsonObject | undefined, path: string): Json | undefined {
  let current: Json | undefined = values;
  for (const key of path.split(".")) {
    if (Array.isArray(current)) current = current[0];
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Terraform accepts booleans as `true` or `"true"` (some provider fields are strings). */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

export function isFalse(value: unknown): boolean {
  return value === false || value === "false";
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

/** Finding unless `path` is true (or "true"). */
export function requireTrue(values: JsonObject, path: string): Finding[] {
  const value = get(values, path);
  return isTrue(value) ? [] : [finding(path, value, "true")];
}

/** Finding unless `path` equals one of `allowed` (missing counts as wrong). */
export function requireOneOf(values: JsonObject, path: string, allowed: readonly (string | number)[]): Finding[] {
  const value = get(values, path);
  return allowed.includes(value as string | number) ? [] : [finding(path, value, allowed.length === 1 ? String(allowed[0]) : `one of ${allowed.join(", ")}`)];
}

const KMS_KEY_TYPES = new Set(["aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_alias"]);

/**
 * A customer-managed key: a reference to a KMS key we declare, or a literal key/alias ARN that
 * is not an AWS-managed `alias/aws/...` key. References to other stacks (remote state) cannot
 * be inspected here; they count as a CMK, since an AWS-managed key is never passed explicitly.
 */
export function isCmk(value: unknown, index: StackIndex): boolean {
  if (typeof value !== "string" || value.trim() === "" || value.includes("alias/aws/")) return false;
  const target = index.resolve(value);
  if (!target) return true;
  return KMS_KEY_TYPES.has(target.type) || target.type === "terraform_remote_state";
}

export const CMK = "a customer-managed KMS key (reference to aws_kms_key or its ARN)";

export function requireCmk(values: JsonObject, path: string, index: StackIndex): Finding[] {
  const value = get(values, path);
  return isCmk(value, index) ? [] : [finding(path, value, CMK)];
}

/** Subnet ids that resolve to subnets in this stack which auto-assign public IPs. */
export function publicSubnets(subnetIds: unknown, index: StackIndex): string[] {
  return asStrings(subnetIds)
    .map((id) => index.resolve(id))
    .filter((s) => s?.type === "aws_subnet" && isTrue(s.values["map_public_ip_on_launch"]))
    .map((s) => s!.address);
}

/** Names that say "this holds a credential" (env vars, container environment). */
export const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential)/i;
/** An AWS access key id. */
export const ACCESS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
