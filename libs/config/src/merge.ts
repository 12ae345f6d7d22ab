/**
 * Deep merge with provenance.
 *
 * Rules (the same as Terragrunt's `deep_merge` of inputs, minus its list concatenation):
 * - plain objects merge key by key, recursively;
 * - arrays, primitives and everything else are replaced whole by the later layer;
 * - a later layer wins;
 * - `undefined` never erases: a key whose value is `undefined` is ignored;
 * - `null` is a value and does replace;
 * - an object whose `kind` differs from the earlier one's is another variant of a discriminated union
 *   (e.g. a zone's `delegation`): it replaces the earlier object whole, whose fields belong to the
 *   other variant.
 *
 * Alongside the merged value we keep, for every path that a layer set, the name of that layer,
 * so a validation error can say which config file a bad value came from.
 */

export type Provenance = Map<string, string>;

export interface Layer {
  /** The config level / file that declares these values, e.g. "environments/dev/env.ts". */
  readonly source: string;
  readonly values: unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function mergeLayers(layers: readonly Layer[]): { value: Record<string, unknown>; provenance: Provenance } {
  const provenance: Provenance = new Map();
  let value: Record<string, unknown> = {};
  for (const layer of layers) {
    if (layer.values === undefined) continue;
    if (!isPlainObject(layer.values)) {
      throw new TypeError(`config layer ${layer.source} must be an object, got: ${describe(layer.values)}`);
    }
    value = mergeInto(value, layer.values, [], layer.source, provenance);
  }
  return { value, provenance };
}

/** Merge without provenance, for code that only needs the value. */
export function deepMerge<T>(...layers: readonly unknown[]): T {
  return mergeLayers(layers.map((values, i) => ({ source: `layer ${i}`, values }))).value as T;
}

function mergeInto(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
  path: string[],
  source: string,
  provenance: Provenance,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, next] of Object.entries(override)) {
    if (next === undefined) continue;
    const childPath = [...path, key];
    const prev = out[key];
    if (isPlainObject(prev) && isPlainObject(next) && !changesKind(prev, next)) {
      out[key] = mergeInto(prev, next, childPath, source, provenance);
    } else {
      clearBelow(provenance, childPath);
      out[key] = isPlainObject(next) ? cloneWithProvenance(next, childPath, source, provenance) : next;
      provenance.set(pathKey(childPath), source);
    }
  }
  return out;
}

function cloneWithProvenance(value: Record<string, unknown>, path: string[], source: string, provenance: Provenance): Record<string, unknown> {
  return mergeInto({}, value, path, source, provenance);
}

function clearBelow(provenance: Provenance, path: string[]): void {
  const prefix = `${pathKey(path)}.`;
  for (const key of [...provenance.keys()]) if (key.startsWith(prefix)) provenance.delete(key);
}

/** The layer that set `path`, or the nearest ancestor path that was set whole. */
export function sourceOf(provenance: Provenance, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = provenance.get(pathKey(path.slice(0, n)));
    if (found) return found;
  }
  // A missing value: name every layer that contributed below this path.
  const prefix = path.length ? `${pathKey(path)}.` : "";
  const below = new Set([...provenance.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v));
  return below.size ? [...below].join(", ") : undefined;
}

export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/** `next` names another variant (`kind`) than `prev`: merging their fields would mix two variants. */
function changesKind(prev: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return "kind" in prev && "kind" in next && next["kind"] !== undefined && prev["kind"] !== next["kind"];
}
