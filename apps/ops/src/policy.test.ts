import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { buildEnv, userFacingError } from "@infra/workloads";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EnvConfig } from "@infra/config";
import { TEST_TODAY, envSynthOnce } from "@infra/testing";
import { ENVS, findEnv } from "./envs";
import { formatPolicySummary, policyCommand, policyReport, policyResultOf, summarizePolicy } from "./policy";

const TODAY = TEST_TODAY;
/** The committed env's policy result, from the synth the env tests share (report mode, TEST_TODAY). */
const committed = (env: EnvConfig) => {
  const { policy, preflight } = envSynthOnce(env);
  return policyResultOf(env.name, policy, preflight);
};

describe("the policy pack at synth", () => {
  it.each(ENVS.map((e) => e.name))("%s: zero unwaived violations, every waiver used and reasoned", (name) => {
    const result = committed(findEnv(name));
    expect(result.failed).toBe(0);
    const summary = result.text.trim().split("\n").at(-1)!;
    expect(summary).toMatch(new RegExp(`^${name}: \\d+ resources, \\d+ checks: \\d+ passed, \\d+ waived, 0 failed, 0 unused waivers$`));
    for (const r of result.reports) {
      expect(r.invalidWaivers).toEqual([]);
      expect(r.rejectedWaivers).toEqual([]);
    }
  });

  it("the platform waives in uat and prod only what seed 004 and the catalogue ask for", () => {
    // Platform stacks are named <env>-<region>-<category>-<module> with an unprefixed category;
    // the other workloads' waivers are asserted with their workloads.
    const platform = /^[a-z]+-[a-z]+-[a-z]+-\d-(security|network|data|services|ops|dns)-/;
    const waived = (name: string) =>
      new Set(
        committed(findEnv(name))
          .reports.filter((r) => platform.test(r.stack))
          .flatMap((r) => r.results.filter((x) => x.status === "waived").map((x) => x.rule)),
      );
    // INF-SM-002: the Splunk HEC token is issued and rotated in Splunk (ops/log-shipping, docs/workloads/platform.md).
    expect([...waived("prod")].sort()).toEqual(["INF-S3-003", "INF-SM-002"]);
    expect([...waived("uat")].sort()).toEqual(["INF-ECS-001", "INF-RDS-005", "INF-RDS-010", "INF-S3-003", "INF-VPC-001"]);
  });

  it("every waiver that waives something carries a reason naming its source (a seed, the catalogue, AWS)", () => {
    for (const env of ENVS) {
      for (const w of committed(env).reports.flatMap((r) => r.results.filter((x) => x.status === "waived"))) {
        expect(w.waiver?.reason ?? "", `${env.name} ${w.rule} ${w.stack}/${w.address}`).toMatch(/seed|ARC-|POLICIES|AWS|catalogue|#\d+/i);
      }
    }
  });

  it("dropping a waiver fails synth with rule, address, attribute, found vs expected and how to waive", () => {
    const dev = findEnv("dev");
    const withoutFlowLogWaiver = { ...dev, waivers: (dev.waivers ?? []).filter((w) => w.rule !== "INF-VPC-001") };
    const { app } = buildEnv(withoutFlowLogWaiver, {
      root,
      workloads: WORKLOADS,
      outdir: mkdtempSync(join(tmpdir(), "policy-")),
      policy: { mode: "enforce", today: TODAY },
    });
    let message: string | undefined;
    try {
      app.synth();
    } catch (error) {
      message = userFacingError(error);
    }
    expect(message).toContain("INF-VPC-001 (CKV2_AWS_11, AwsSolutions-VPC7)");
    expect(message).toContain("resource: dev-us-east-1-network-vpc/aws_vpc.");
    expect(message).toContain("aws_flow_log: found unset, expected a flow log on this VPC");
    expect(message).toContain('{ rule: "INF-VPC-001", address: "dev-us-east-1-network-vpc/aws_vpc.');
    expect(message).not.toContain("skipValidation");
  });

  it("an expired waiver waives nothing", () => {
    const result = policyReport(findEnv("dev"), "2099-01-01");
    expect(result.failed).toBe(0);
    const dev = findEnv("dev");
    const expiring = { ...dev, waivers: (dev.waivers ?? []).map((w) => (w.rule === "INF-VPC-001" ? { ...w, expires: "2026-01-01" } : w)) };
    const expired = policyReport(expiring, TODAY);
    expect(expired.failed).toBe(1);
    expect(new Set(expired.reports.flatMap((r) => r.expiredWaivers).map((w) => w.rule))).toEqual(new Set(["INF-VPC-001"]));
  });
});

describe("policy summary for the PR comment", () => {
  it("puts failures first and --json returns the same summary as data", () => {
    const check = (rule: string, status: "passed" | "waived" | "failed", address: string) => ({
      rule,
      mirrors: [],
      title: `${rule} title`,
      severity: "high" as const,
      stack: "dev-s",
      address,
      status,
      findings: status === "passed" ? [] : [{ attribute: "encrypted", found: "false", expected: "true" }],
      ...(status === "waived" ? { waiver: { rule, address: `dev-s/${address}`, reason: "seed says so" } } : {}),
    });
    const summary = summarizePolicy({
      env: "dev",
      text: "",
      failed: 1,
      reports: [
        {
          stack: "dev-s",
          today: TODAY,
          resources: 3,
          results: [check("INF-A-001", "passed", "aws_a.x"), check("INF-B-002", "waived", "aws_b.y"), check("INF-C-003", "failed", "aws_c.z")],
          unusedWaivers: [],
          expiredWaivers: [],
          rejectedWaivers: [],
          invalidWaivers: [],
        },
      ],
    } as unknown as Parameters<typeof summarizePolicy>[0]);
    expect(summary).toMatchObject({ env: "dev", resources: 3, checks: 3, passed: 1, waived: 1, failed: 1 });
    expect(summary.failures).toEqual([
      { rule: "INF-C-003", title: "INF-C-003 title", resource: "dev-s/aws_c.z", findings: "encrypted = false, expected true" },
    ]);
    const md = formatPolicySummary(summary);
    expect(md.split("\n").slice(0, 3)).toEqual(["### Policy pack: `dev`", "", "❌ 3 resources, 3 checks: **1 failed**, 1 waived, 1 passed."]);
    expect(md.indexOf("INF-C-003")).toBeLessThan(md.indexOf("INF-B-002"));
  });

  it("infra policy --env uat --json prints the summary as JSON (it used to print the text report)", () => {
    const out: string[] = [];
    expect(policyCommand({ env: "uat", json: true }, { stdout: (t) => out.push(t) })).toBe(0);
    const parsed = JSON.parse(out.join("")) as { env: string; failed: number; checks: number };
    expect(parsed).toMatchObject({ env: "uat", failed: 0 });
    expect(parsed.checks).toBeGreaterThan(50);
  });
});
