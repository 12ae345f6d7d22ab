/**
 * The preflight family over the real envs and the configurations issue 11 names (every atlas phase,
 * Aerologue's global regions), at synth: each configuration has no unwaived finding (root.ts runs
 * the family in enforce mode, so a new one fails synth), enforce mode fails synth on a deliberately
 * broken configuration (a stack-scope and an env-scope rule), and PRE-* waivers reach the family
 * and not the policy pack.
 */
import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { preflightRules } from "@infra/policy";
import { buildEnv, userFacingError } from "@infra/workloads";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_TODAY, envSynthOnce } from "@infra/testing";
import { findEnv } from "./envs";
import { policyReport } from "./policy";
import { type PreflightSynth, preflightSynth, preflightSynthOf, transitionReport } from "./preflight";
import { ATLAS_TRANSITIONS, preflightVariants } from "./preflight-variants";
// The first-apply checks judge the same variants: in this file (one worker) each is synthesized once.
import "./first-apply.checks";

const TODAY = TEST_TODAY;
const variants = preflightVariants();
/**
 * Each configuration is synthesized once per worker, in the synth the env, policy and ci-access tests
 * share (the variants are memoized objects); the transitions compare the synths of their two ends.
 */
const synthOf = (label: string): PreflightSynth => {
  const { stacks, preflight } = envSynthOnce(variants.find((v) => v.label === label)!.env);
  return preflightSynthOf(stacks, preflight);
};
/** One line per unwaived finding: what the assertion prints when a configuration has one. */
const describeFailed = (failed: readonly { rule: string; stack: string; address: string; findings: readonly { attribute: string; found: string }[] }[]) =>
  failed.map((f) => `${f.rule} ${f.stack}/${f.address}: ${f.findings.map((x) => `${x.attribute} = ${x.found}`).join("; ")}`);

describe("preflight-rules: no configuration has an unwaived finding", () => {
  it("root.ts runs the family in enforce mode", () => {
    expect(root.preflight?.mode ?? "enforce").toBe("enforce");
  });

  it.each(variants.map((v) => [v.label] as const))("%s", (label) => {
    const { failed, reports } = synthOf(label);
    // Every rule ran on the configuration (a synth that checked nothing would pass too).
    expect(reports.flatMap((r) => r.results).filter((x) => x.status === "passed").length).toBeGreaterThan(0);
    expect(describeFailed(failed)).toEqual([]);
  });

  it.each(ATLAS_TRANSITIONS.map((t) => [...t] as const))("transition %s", (label, before, after) => {
    const failed = transitionReport(synthOf(before), synthOf(after), variants.find((v) => v.label === after)!.env, TODAY).flatMap((r) =>
      r.results.filter((x) => x.status === "failed"),
    );
    expect(describeFailed(failed), label).toEqual([]);
  });
});

/** Synthesize `env` with the root config's preflight mode (enforce); the user-facing error, if synth fails. */
function enforcedSynthError(env: EnvConfig): string | undefined {
  const { app } = buildEnv(env, { root, workloads: WORKLOADS, outdir: mkdtempSync(join(tmpdir(), "preflight-")), policy: { mode: "report", today: TODAY } });
  try {
    app.synth();
  } catch (error) {
    return userFacingError(error);
  }
  return undefined;
}

describe("preflight-rules enforcement and waivers", () => {
  it("enforce mode (root.ts) synthesizes the committed env", () => {
    expect(enforcedSynthError(findEnv("dev"))).toBeUndefined();
  });

  it("enforce mode fails a stack's synth on a stack-scope finding: Timestream for LiveAnalytics with no waiver", () => {
    const broken = withTimestream(findEnv("dev"));
    const { failed } = preflightSynth(broken, TODAY);
    expect(failed.map((f) => f.rule)).toEqual(["PRE-TS-001", "PRE-TS-001"]);
    expect(preflightRules.find((r) => r.id === "PRE-TS-001")!.scope).toBe("stack");
    const message = enforcedSynthError(broken);
    expect(message).toContain("preflight violation");
    expect(message).toContain("PRE-TS-001");
    expect(message).toContain("dev-us-east-1-aerologue-data-timestream");
    expect(message).not.toContain("skipValidation");
  });

  it("enforce mode fails synth after every stack on an env-scope finding: a workload stack owning the API Gateway account setting the foundation owns", () => {
    // Issue 11 class 10 as it was: the config layer refuses a second foundation, so the second owner
    // is added the way the workload stacks once did, in code.
    const built = buildEnv(findEnv("dev"), {
      root,
      workloads: WORKLOADS,
      outdir: mkdtempSync(join(tmpdir(), "preflight-")),
      policy: { mode: "report", today: TODAY },
    });
    const api = built.resolved.deployments.find((d) => d.stackName === "dev-us-east-1-aerologue-compute-api")!;
    new ApiGatewayAccount(built.stacks.get(api.id)!, "second-owner", { cloudwatchRoleArn: "arn:aws:iam::111111111111:role/apigateway-cloudwatch" });
    expect(preflightRules.find((r) => r.id === "PRE-ONE-001")!.scope).toBe("env");
    let message: string | undefined;
    try {
      built.app.synth();
    } catch (error) {
      message = userFacingError(error);
    }
    expect(message).toContain("preflight violation");
    expect(message).toContain("PRE-ONE-001");
    expect(message).toContain("dev-us-east-1-aerologue-compute-api/aws_api_gateway_account.second-owner");
    expect(message).not.toContain("skipValidation");
  });

  it("a PRE-* waiver in the env config waives the finding, and the policy pack does not see it as unused", () => {
    // Timestream for LiveAnalytics only where the config says the account is an existing customer (ADR 0012).
    const dev = withTimestream(findEnv("dev"));
    const waiver = {
      rule: "PRE-TS-001",
      address: "aws_timestreamwrite_*",
      reason: "AWS account 111111111111 is an existing Timestream for LiveAnalytics customer (test)",
    };
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
