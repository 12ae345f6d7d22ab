import type { TerraformStack } from "cdktf";
import { type ConstructClass, type Json, type SynthOptions, buildWith, synthTerraform } from "./synth";

/** Terraform JSON with `resource` always present (`data` when the stack reads any). */
export type Synth = { resource: Record<string, Json>; data?: Record<string, Json> };

/** Synthesize a one-stack app with an AWS provider and return its Terraform JSON. */
export function synthStack(build: (stack: TerraformStack) => void, options?: SynthOptions): Synth {
  return synthTerraform(build, options) as Synth;
}

/** A synth of one construct per test: `const cluster = synthWith(AuroraPostgresCluster, "db", base)`, then `cluster({ instances: 3 })`. */
export function synthWith<P extends object>(construct: ConstructClass<P>, id: string, base: P): (overrides?: Partial<P>) => Synth {
  return (overrides = {}) => synthStack(buildWith(construct, id, base, overrides));
}

/** The single resource of a type with its address (fails when there is not exactly one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function only(synth: Synth, type: string): { address: string; values: any } {
  const entries = Object.entries(synth.resource[type] ?? {});
  if (entries.length !== 1) throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  const [name, values] = entries[0]!;
  return { address: `${type}.${name}`, values };
}

/** All resources of a type, by name. */
export function all(synth: Synth, type: string): Json {
  return synth.resource[type] ?? {};
}
