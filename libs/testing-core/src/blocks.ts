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
