import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDrift, driftExitCode, listStacks } from "./drift";
import { FIXTURES } from "./fixtures";

const ROOT = join(import.meta.dirname, "../../..");

/**
 * A stand-in `terraform` that logs its arguments and behaves per stack: the stack dir's `plan-exit`
 * file holds the plan exit code, `plan.json` what `show -json` prints; `init-fails` makes init fail.
 */
function fakeTerraform(dir: string): string {
  const bin = join(dir, "terraform");
  writeFileSync(
    bin,
    `#!/usr/bin/env bash
echo "$PWD $*" >> "${dir}/calls.log"
case "$1" in
  init) [ -f init-fails ] && { echo "Error: Failed to get existing workspaces: AccessDenied" >&2; exit 1; }; exit 0 ;;
  plan) code=$(cat plan-exit); [ "$code" = 1 ] && echo "Error: creating EC2 VPC: UnauthorizedOperation" >&2
        for a in "$@"; do case "$a" in -out=*) echo binary > "\${a#-out=}";; esac; done; exit "$code" ;;
  show) [ "$2" = "-json" ] && cat plan.json || echo "Terraform will perform the following actions: (text)"; exit 0 ;;
esac
exit 99
`,
  );
  chmodSync(bin, 0o755);
  return bin;
}

function stacks(spec: Record<string, { exit?: number; fixture?: string; initFails?: boolean }>): string {
  const dir = mkdtempSync(join(tmpdir(), "drift-stacks-"));
  for (const [name, s] of Object.entries(spec)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "cdk.tf.json"), "{}");
    writeFileSync(join(dir, name, "plan-exit"), String(s.exit ?? 0));
    copyFileSync(join(FIXTURES, s.fixture ?? "noop.json"), join(dir, name, "plan.json"));
    if (s.initFails) writeFileSync(join(dir, name, "init-fails"), "");
  }
  mkdirSync(join(dir, "not-a-stack"));
  return dir;
}

describe("driftExitCode", () => {
  it("is 1 when any stack failed, else 2 when any drifted, else 0", () => {
    expect(driftExitCode([])).toBe(0);
    expect(driftExitCode([{ stack: "a", status: "clean" }])).toBe(0);
    expect(driftExitCode([{ stack: "a", status: "clean" }, { stack: "b", status: "drift" }])).toBe(2);
    expect(driftExitCode([{ stack: "a", status: "drift" }, { stack: "b", status: "error" }])).toBe(1);
  });
});

describe("detectDrift", () => {
  it("plans every synthesized stack read-only and keeps the JSON and text of each plan", () => {
    const tmp = mkdtempSync(join(tmpdir(), "drift-"));
    const terraform = fakeTerraform(tmp);
    const dir = stacks({ "prod-a": { exit: 0 }, "prod-b": { exit: 2, fixture: "drift.json" } });
    const out = join(tmp, "out");
    expect(listStacks(dir)).toEqual(["prod-a", "prod-b"]);
    const results = detectDrift({ stacksDir: dir, outDir: out, terraform });
    expect(results).toEqual([
      { stack: "prod-a", status: "clean" },
      { stack: "prod-b", status: "drift" },
    ]);
    const calls = readFileSync(join(tmp, "calls.log"), "utf8").trim().split("\n");
    const planCalls = calls.filter((c) => c.includes(" plan "));
    expect(planCalls).toHaveLength(2);
    for (const call of planCalls) expect(call).toMatch(/plan -detailed-exitcode -lock=false -input=false -no-color -out=\S+\.tfplan$/);
    expect(calls.some((c) => c.includes(" apply"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, "prod-b.json"), "utf8")).resource_drift).toHaveLength(1);
    expect(readFileSync(join(out, "prod-b.txt"), "utf8")).toContain("(text)");
    expect(existsSync(join(out, "prod-b.tfplan"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, "_drift.json"), "utf8")).exitCode).toBe(2);
  });

  it("records a failing stack with Terraform's error and carries on with the others", () => {
    const tmp = mkdtempSync(join(tmpdir(), "drift-"));
    const terraform = fakeTerraform(tmp);
    const dir = stacks({ "dev-a": { initFails: true }, "dev-b": { exit: 1 }, "dev-c": { exit: 0 } });
    const results = detectDrift({ stacksDir: dir, outDir: join(tmp, "out"), terraform });
    expect(results.map((r) => r.status)).toEqual(["error", "error", "clean"]);
    expect(results[0]?.message).toContain("terraform init failed:\nError: Failed to get existing workspaces: AccessDenied");
    expect(results[1]?.message).toContain("terraform plan failed:\nError: creating EC2 VPC: UnauthorizedOperation");
    expect(driftExitCode(results)).toBe(1);
  });

  it("asks for a synth when the env has not been synthesized", () => {
    expect(() => listStacks("/nonexistent/cdktf.out/stacks")).toThrow("synthesize the env first");
  });
});

describe("drift CLI process", () => {
  it("exits 2 on drift and 0 when clean", () => {
    const tmp = mkdtempSync(join(tmpdir(), "drift-"));
    const terraform = fakeTerraform(tmp);
    const run = (dir: string) =>
      spawnSync("npx", ["tsx", "libs/plan-summary/src/drift-cli.ts", "--env", "prod", "--stacks-dir", dir, "--out", join(tmp, "out"), "--terraform", terraform], {
        cwd: ROOT,
        encoding: "utf8",
      });
    const drifted = run(stacks({ "prod-a": { exit: 2, fixture: "drift.json" } }));
    expect(drifted.status).toBe(2);
    expect(drifted.stdout).toContain("drift prod-a");
    expect(drifted.stdout).toContain("drift: prod: 1 stacks, 1 drifted, 0 failed");
    expect(run(stacks({ "prod-a": { exit: 0 } })).status).toBe(0);
    const missing = run("/nonexistent");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("drift: /nonexistent does not exist");
  });
});
