import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { type StackJson, synthEnvJson } from "@infra/workloads";

const synthesized = new WeakMap<EnvConfig, StackJson[]>();

/**
 * Every stack of `env` as Terraform JSON, synthesized once per test worker and shared by every test
 * file that asks for the same env object (vitest runs with isolate: false, so module state lives as
 * long as the worker). A whole env takes seconds to synthesize and a dozen test files read the same
 * four envs. Keyed by object identity: a variant (`{ ...prod, workloads: ... }`) is a new object and
 * is synthesized on its own. The policy pack runs in enforce mode (it only reads the stacks, so the
 * JSON is the one report mode gives). The result is deeply frozen: a test that mutates it fails
 * instead of corrupting the next file's input.
 */
export function synthEnvOnce(env: EnvConfig): StackJson[] {
  let stacks = synthesized.get(env);
  if (!stacks) {
    stacks = deepFreeze(synthEnvJson(env, { root, workloads: WORKLOADS }));
    synthesized.set(env, stacks);
  }
  return stacks;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
