import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { buildEnv, userFacingError } from "@infra/workloads";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENVS, findEnv } from "./envs";
import { policyReport } from "./policy";

const TODAY = "2026-11-23";

describe("the policy pack at synth", () => {
  it.each(ENVS.map((e) => e.name))("%s: zero unwaived violations, every waiver used and reasoned", (name) => {
    const result = policyReport(findEnv(name), TODAY);
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
        policyReport(findEnv(name), TODAY)
          .reports.filter((r) => platform.test(r.stack))
          .flatMap((r) => r.results.filter((x) => x.status === "waived").map((x) => x.rule)),
      );
    expect([...waived("prod")].sort()).toEqual(["INF-S3-003"]);
    expect([...waived("uat")].sort()).toEqual(["INF-ECS-001", "INF-RDS-005", "INF-RDS-010", "INF-S3-003", "INF-VPC-001"]);
  });

  it("every waiver that waives something carries a reason naming its source (a seed, the catalogue, AWS)", () => {
    for (const env of ENVS) {
      for (const w of policyReport(env, TODAY).reports.flatMap((r) => r.results.filter((x) => x.status === "waived"))) {
        expect(w.waiver?.reason ?? "", `${env.name} ${w.rule} ${w.stack}/${w.address}`).toMatch(/seed|ARC-|POLICIES|AWS|catalogue|#\d+/i);
      }
    }
  });

  it("dropping a waiver fails synth with rule, address, attribute, found vs expected and how to waive", () => {
    const dev = findEnv("dev");
    const withoutFlowLogWaiver = { ...dev, waivers: (dev.waivers ?? []).filter((w) => w.rule !== "INF-VPC-001") };
    const { app } = buildEnv(withoutFlowLogWaiver, { root, workloads: WORKLOADS, outdir: mkdtempSync(join(tmpdir(), "policy-")), policy: { mode: "enforce", today: TODAY } });
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
