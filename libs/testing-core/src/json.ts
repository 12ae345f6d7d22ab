import type { Construct } from "constructs";
import { type ConstructClass, buildWith, synthTerraform } from "./synth";

/** Synthesizes what `build` creates in a small stack with an AWS provider and returns the parsed JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthJson(build: (scope: Construct) => void): any {
  return synthTerraform(build);
}

/** A synth of one construct per test: `const api = synthWith(RestApi, "api", mileQuest)`, then `api({ loggingLevel: "OFF" })`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthWith<P extends object>(construct: ConstructClass<P>, id: string, base: P): (overrides?: Partial<P>) => any {
  return (overrides = {}) => synthJson(buildWith(construct, id, base, overrides));
}

/** The single resource of a type in a synthesized stack (fails if there is not exactly one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The single data source of a type in a synthesized stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function onlyData(json: any, type: string): any {
  const all = Object.values(json.data?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one data.${type}, found ${all.length}`);
  return all[0];
}
