import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { type PolicyReport, formatViolation } from "@infra/policy";
import { type StackJson, synthEnvJson } from "@infra/workloads";

/**
 * The date tests evaluate waiver expiry on: fixed, so no test changes with the calendar. No
 * committed waiver carries an expiry; expiry itself is tested with explicit dates, and the real
 * synth (`npm run synth`, CI) evaluates on the day.
 */
export const TEST_TODAY = "2026-11-23";

/** One report-mode synth of an env: its stacks and what the policy pack and preflight found. */
export interface EnvSynth {
  /** Every stack, in deploy order. */
  readonly stacks: readonly StackJson[];
  /** One policy-pack report per stack. */
  readonly policy: readonly PolicyReport[];
  /** One preflight report per stack, then the env-scope report. */
  readonly preflight: readonly PolicyReport[];
}

const synthesized = new WeakMap<EnvConfig, EnvSynth>();

/**
 * Every stack of `env` as Terraform JSON with its policy and preflight reports, synthesized once per
 * test worker and shared by every test file that asks for the same env object (vitest runs with
 * isolate: false, so module state lives as long as the worker). A whole env takes seconds to
 * synthesize, and the env tests, the policy pack's and the preflight family's tests read the same
 * envs: one synth serves all three. Keyed by object identity: a variant (`{ ...prod, workloads: ... }`)
 * is a new object and is synthesized on its own (memoize variant builders to share them). Both
 * families run in report mode, so a finding is data here; `synthEnvOnce` fails on it as enforce
 * mode would. The stacks are deeply frozen: a test that mutates them fails instead of corrupting
 * the next file's input.
 */
export function envSynthOnce(env: EnvConfig): EnvSynth {
  let result = synthesized.get(env);
  if (!result) {
    const policy: PolicyReport[] = [];
    const preflight: PolicyReport[] = [];
    const stacks = synthEnvJson(env, {
      root,
      workloads: WORKLOADS,
      policy: { mode: "report", today: TEST_TODAY, onReport: (r) => policy.push(r) },
      preflight: { mode: "report", today: TEST_TODAY, onReport: (r) => preflight.push(r) },
    });
    result = Object.freeze({ stacks: deepFreeze(stacks), policy: Object.freeze(policy), preflight: Object.freeze(preflight) });
    synthesized.set(env, result);
  }
  return result;
}

/**
 * Every stack of `env` as Terraform JSON (see `envSynthOnce`). Fails, as the root config's enforce
 * mode fails synth, when the policy pack or preflight has an unwaived finding or an invalid waiver.
 */
export function synthEnvOnce(env: EnvConfig): StackJson[] {
  const { stacks, policy, preflight } = envSynthOnce(env);
  const violations = [...policy, ...preflight].flatMap((r) => [
    ...r.results.filter((x) => x.status === "failed").map(formatViolation),
    ...r.invalidWaivers.map((i) => `invalid waiver ${i.waiver.rule} ${i.waiver.address}: ${i.problems.join("; ")}`),
  ]);
  if (violations.length) throw new Error(`${env.name}: the policy pack or preflight fails synth:\n${violations.join("\n")}`);
  return stacks as StackJson[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
