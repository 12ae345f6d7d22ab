import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleEntry } from "../testing/bundle";

const ROOT = resolve(__dirname, "..", "..", "..", "..");

let bundle: string | undefined;
afterAll(() => bundle && rmSync(bundle, { force: true }));

/** Run synth-variant.ts (bundled once) for one case in its own process, as `npm run synth` would run the env app. */
function synthVariant(name: string) {
  bundle ??= bundleEntry("apps/ops/src/bad-config/synth-variant.ts");
  const outdir = join(mkdtempSync(join(tmpdir(), "bad-config-")), "cdktf.out");
  const r = spawnSync(process.execPath, [bundle, name], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outdir };
}

describe("a bad config through runEnvApp (what `npm run synth` prints)", () => {
  it.each([
    [
      "peered VPCs with the same CIDR",
      '[environments/prod/us-east-1/platform.ts] us-east-1/network/vpc-peering.dependencies.peer = ["10.40.0.0/16","10.40.0.0/16"]: peered VPC CIDRs must not overlap',
    ],
    [
      "RDS instance class that does not exist (db.t3.mega)",
      '[environments/staging/us-east-1/platform.ts] us-east-1/data/rds.inputs.instanceClass = "db.t3.mega": instance class "db.t3.mega"',
    ],
    [
      "schedule every 30 seconds",
      '[environments/staging/us-east-1/milequest.ts] us-east-1/milequest-compute/jobs.inputs.wearableSyncSchedule = "rate(30 seconds)": EventBridge runs a schedule at most once a minute',
    ],
    ["account id with 11 digits", '[environments/prod/env.ts] accountId = "44444444444": must be a 12-digit AWS account id (a string)'],
  ])("%s: exit 1, the issue on stderr, no stack trace, nothing written", (name, line) => {
    const r = synthVariant(name);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^Invalid configuration \(\d+ problems?\):\n/);
    expect(r.stderr).toContain(`  - ${line}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain("synthesized");
    expect(existsSync(r.outdir)).toBe(false);
  });
});
