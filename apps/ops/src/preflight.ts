import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { type CheckResult, type PolicyReport, type PreflightStackInput, PREFLIGHT_PREFIX, evaluateTransition, transitionRules } from "@infra/policy";
import { type StackJson, synthEnvJson } from "@infra/workloads";

export interface PreflightSynth {
  /** The env's stacks in deploy order, as synthesized. */
  readonly stacks: PreflightStackInput[];
  /** One preflight report per stack. */
  readonly reports: PolicyReport[];
  /** The unwaived findings (failed checks). */
  readonly failed: CheckResult[];
}

/** One report-mode synth of a configuration: its stacks and its preflight findings. */
export function preflightSynth(env: EnvConfig, today?: string): PreflightSynth {
  const reports: PolicyReport[] = [];
  const stacks = synthEnvJson(env, {
    root,
    workloads: WORKLOADS,
    policy: { mode: "report", ...(today ? { today } : {}), onReport: () => {} },
    preflight: { mode: "report", ...(today ? { today } : {}), onReport: (r) => reports.push(r) },
  });
  return preflightSynthOf(stacks, reports);
}

/** The preflight view of a report-mode synth that already ran: its stacks and its preflight reports. */
export function preflightSynthOf(stacks: readonly StackJson[], reports: readonly PolicyReport[]): PreflightSynth {
  return {
    stacks: stacks.map((s) => ({ name: s.stackName, json: s.json as PreflightStackInput["json"] })),
    reports: [...reports],
    failed: reports.flatMap((r) => r.results.filter((x) => x.status === "failed")),
  };
}

/**
 * Transition rules between two synths of one env (e.g. atlas phase N → N+1). Waivers are the later
 * configuration's `PRE-*` env waivers.
 */
export function transitionReport(
  before: PreflightSynth,
  after: PreflightSynth,
  afterEnv: EnvConfig,
  today = new Date().toISOString().slice(0, 10),
): PolicyReport[] {
  const waivers = (afterEnv.waivers ?? []).filter((w) => w.rule.startsWith(PREFLIGHT_PREFIX)).map((w) => ({ ...w }));
  return evaluateTransition(before.stacks, after.stacks, { today, waivers, rules: transitionRules });
}
