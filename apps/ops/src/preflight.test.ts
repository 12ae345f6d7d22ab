/**
 * The preflight family over the real envs and the configurations issue 11 names (every atlas phase,
 * Aerologue's global regions), at synth: prints each configuration's unwaived findings per rule
 * (the fixers' worklist), shows that enforce mode fails synth exactly when there is one, and that
 * PRE-* waivers reach the family and not the policy pack.
 */
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { preflightRules, transitionRules } from "@infra/policy";
import { buildEnv, userFacingError } from "@infra/workloads";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findEnv } from "./envs";
import { policyReport } from "./policy";
import { type PreflightSynth, preflightSynth, transitionReport } from "./preflight";
import { ATLAS_TRANSITIONS, preflightVariants } from "./preflight-variants";

const TODAY = "2026-06-01";
const known = new Set([...preflightRules, ...transitionRules].map((r) => r.id));
const variants = preflightVariants();
/** Each configuration is synthesized once; the transitions compare the synths of their two ends. */
const synths = new Map<string, PreflightSynth>();
const synthOf = (label: string) => {
  let s = synths.get(label);
  if (!s) synths.set(label, (s = preflightSynth(variants.find((v) => v.label === label)!.env, TODAY)));
  return s;
};
const perRule = (failed: { rule: string }[]) => Object.fromEntries([...new Set(failed.map((f) => f.rule))].sort().map((r) => [r, failed.filter((f) => f.rule === r).length]));

describe("preflight-rules: current unwaived findings per configuration (report mode)", () => {
  it.each(variants.map((v) => [v.label] as const))("%s", (label) => {
    const { failed } = synthOf(label);
    console.log(`preflight ${label}: ${failed.length} unwaived failed checks ${JSON.stringify(perRule(failed))}`);
    expect(failed.filter((f) => !known.has(f.rule))).toEqual([]);
    for (const f of failed) {
      expect(f.consequence, `${f.rule} says what AWS/Terraform does`).toBeTruthy();
      expect(f.findings.length, `${f.rule} ${f.stack}/${f.address} has findings`).toBeGreaterThan(0);
    }
  });

  it.each(ATLAS_TRANSITIONS.map((t) => [...t] as const))("transition %s", (label, before, after) => {
    const failed = transitionReport(synthOf(before), synthOf(after), variants.find((v) => v.label === after)!.env, TODAY).flatMap((r) => r.results.filter((x) => x.status === "failed"));
    console.log(`preflight transition ${label}: ${failed.length} unwaived failed checks ${JSON.stringify(perRule(failed))}`);
    expect(failed.filter((f) => !known.has(f.rule))).toEqual([]);
  });
});

describe("preflight-rules enforcement and waivers", () => {
  it("enforce mode fails synth exactly when a report-mode synth has unwaived findings, naming each rule", () => {
    const dev = findEnv("dev");
    const { failed } = synthOf("dev");
    const { app } = buildEnv(dev, { root, workloads: WORKLOADS, outdir: mkdtempSync(join(tmpdir(), "preflight-")), policy: { mode: "report", today: TODAY }, preflight: { mode: "enforce" } });
    let message: string | undefined;
    try {
      app.synth();
    } catch (error) {
      message = userFacingError(error);
    }
    if (failed.length === 0) {
      expect(message).toBeUndefined();
      return;
    }
    expect(message).toBeDefined();
    // Stack-scope rules fail the first stack that has one; env-scope rules fail after every stack.
    const stackScope = failed.filter((f) => preflightRules.find((r) => r.id === f.rule)?.scope === "stack");
    for (const f of stackScope.length ? stackScope.slice(0, 1) : failed) expect(message).toContain(f.rule);
    expect(message).toContain("preflight violation");
    expect(message).not.toContain("skipValidation");
  });

  it("a PRE-* waiver in the env config waives the finding, and the policy pack does not see it as unused", () => {
    // Timestream for LiveAnalytics only where the config says the account is an existing customer (ADR 0012).
    const dev = withTimestream(findEnv("dev"));
    const waiver = { rule: "PRE-TS-001", address: "aws_timestreamwrite_*", reason: "AWS account 111111111111 is an existing Timestream for LiveAnalytics customer (test)" };
    const result = policyReport({ ...dev, waivers: [...(dev.waivers ?? []), waiver] }, TODAY);
    const ts = result.preflight.reports.flatMap((r) => r.results.filter((x) => x.rule === "PRE-TS-001"));
    expect(ts.length).toBeGreaterThan(0);
    expect(ts.map((x) => x.status)).toEqual(ts.map(() => "waived"));
    expect(result.text.trim().split("\n").at(-1)).toMatch(/, 0 unused waivers$/);
  });
});

/** The env with Aerologue's time-series store on Timestream for LiveAnalytics (an existing customer's account). */
function withTimestream(env: EnvConfig): EnvConfig {
  const store = { kind: "timestream-liveanalytics", existingCustomer: true };
  return {
    ...env,
    regions: env.regions.map((r) => ({
      ...r,
      deployments: r.deployments.map((d) =>
        d.definition.module === "timestream" && d.definition.category === "aerologue-data" ? { ...d, inputs: { ...(d.inputs as object), store } } : d,
      ),
    })),
  };
}
