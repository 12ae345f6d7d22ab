import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { type ConstructClass, type Json, type SynthOptions, buildWith, synthTerraform } from "./synth";

export type { Json } from "./synth";

/** Build into a small stack with an AWS provider and return its resource, data and output blocks (never undefined). */
export function synthJson(build: (scope: Construct) => void, options?: SynthOptions): { resource: Json; data: Json; output: Json } {
  const json = synthTerraform(build, options);
  return { resource: json.resource ?? {}, data: json.data ?? {}, output: json.output ?? {} };
}

/** A synth of one construct per test: `const api = synthWith(HttpApi, "api", aerologue)`, then `api({ cors: undefined })`. */
export function synthWith<P extends object>(
  construct: ConstructClass<P>,
  id: string,
  base: P,
): (overrides?: Partial<P>) => { resource: Json; data: Json; output: Json } {
  return (overrides = {}) => synthJson(buildWith(construct, id, base, overrides));
}

/** The only resource of a type (fails the test when there are none or several). */
export function only(block: Json | undefined, type: string): Json {
  const entries = Object.values(block ?? {});
  if (entries.length !== 1) throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  return entries[0] as Json;
}

/** Every Terraform address of a synthesized stack, sorted: snapshot them so a refactor that moves one shows up in review. */
export function addresses(json: { resource: Json; data: Json }): string[] {
  const list = (block: Json, prefix: string) =>
    Object.entries(block).flatMap(([type, byName]) => Object.keys(byName as Json).map((name) => `${prefix}${type}.${name}`));
  return [...list(json.resource, ""), ...list(json.data, "data.")].sort();
}

/** A synth through cdktf's `Testing.synthScope` (no provider): the JSON string cdktf's matchers read, its blocks, and the construct. */
export interface ScopeSynth<C> {
  readonly json: string;
  /** Blocks by type, then by name. */
  readonly tf: { readonly resource: Record<string, Json>; readonly data: Record<string, Json> };
  readonly construct: C;
}

/**
 * A `Testing.synthScope` of one construct per test, for tests that use cdktf's matchers
 * (`toHaveResourceWithProperties`): `const synth = scopeSynthWith(SearchDomain, "search", STAGING)`, then
 * `synth({ instanceCount: 3 }, (domain) => domain.allowFrom(...))`.
 */
export function scopeSynthWith<P extends object, C>(
  construct: new (scope: Construct, id: string, props: P) => C,
  id: string,
  base: P,
): (overrides?: Partial<P>, after?: (construct: C) => void) => ScopeSynth<C> {
  return (overrides = {}, after) => {
    let built: C | undefined;
    const json = Testing.synthScope((scope) => {
      built = new construct(scope, id, { ...base, ...overrides });
      after?.(built);
    });
    const tf = JSON.parse(json) as { resource?: Record<string, Json>; data?: Record<string, Json> };
    return { json, tf: { resource: tf.resource ?? {}, data: tf.data ?? {} }, construct: built! };
  };
}

/** The [name, values] pairs of a type in a block (resource or data); none when the type is absent. */
export function entries(block: Json | undefined, type: string): [string, Json][] {
  return Object.entries(block?.[type] ?? {});
}

/** The first [name, values] pair of a type (fails the test when there is none). */
export function first(block: Json | undefined, type: string): [string, Json] {
  const [e] = entries(block, type);
  if (!e) throw new Error(`expected a ${type}, found none`);
  return e;
}

/** The only [name, values] pair of a type, as `{ name, values }` (fails the test when there are none or several). */
export function onlyEntry(block: Json | undefined, type: string): { name: string; values: Json } {
  const all = entries(block, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  const [name, values] = all[0]!;
  return { name, values };
}
