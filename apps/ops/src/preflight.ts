import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { type CheckResult, type PolicyReport, PREFLIGHT_PREFIX, evaluateTransition, transitionRules } from "@infra/policy";
import { synthEnvJson } from "@infra/workloads";
import { policyReport } from "./policy";

/** The unwaived preflight findings of one configuration, from a report-mode synth. */
export function preflightFailures(env: EnvConfig, today?: string): CheckResult[] {
  return policyReport(env, today).preflight.reports.flatMap((r) => r.results.filter((x) => x.status === "failed"));
}

/**
 * Transition rules between two configurations of one env (e.g. atlas phase N → N+1): each is
 * synthesized in report mode, then compared. Waivers are the later configuration's.
 */
export function transitionReport(before: EnvConfig, after: EnvConfig, today = new Date().toISOString().slice(0, 10)): PolicyReport[] {
  const synth = (env: EnvConfig) =>
    synthEnvJson(env, { root, workloads: WORKLOADS, policy: { mode: "report", onReport: () => {} }, preflight: { mode: "report" } }).map((s) => ({ name: s.stackName, json: s.json as never }));
  const waivers = (after.waivers ?? []).filter((w) => w.rule.startsWith(PREFLIGHT_PREFIX)).map((w) => ({ ...w }));
  return evaluateTransition(synth(before), synth(after), { today, waivers, rules: transitionRules });
}
