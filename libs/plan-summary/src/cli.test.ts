import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./cli";
import { FIXTURES } from "./fixtures";

const ROOT = join(import.meta.dirname, "../../..");

function planDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "plan-summary-"));
  for (const [target, source] of Object.entries(files)) copyFileSync(join(FIXTURES, source), join(dir, target));
  return dir;
}

describe("plan-summary CLI", () => {
  it("prints the comment for a directory of plans, in the given stack order, using .txt plans when present", () => {
    const dir = planDir({ "dev-a-vpc.json": "create.json", "dev-b-rds.json": "mixed.json", "dev-c-kms.json": "noop.json", "_result.json": "malformed.json" });
    writeFileSync(join(dir, "dev-b-rds.txt"), "Terraform will perform the following actions: (from terraform show)\n");
    const order = join(dir, "order.txt");
    writeFileSync(order, JSON.stringify([{ name: "dev-b-rds" }, { name: "dev-a-vpc" }]));
    const result = run(["--env", "dev", "--dir", dir, "--order", order, "--sha", "abc123"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.startsWith("<!-- plan:dev -->")).toBe(true);
    const rows = result.stdout.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => r.split("`")[1])).toEqual(["dev-b-rds", "dev-a-vpc", "dev-c-kms"]);
    expect(result.stdout).toContain("(from terraform show)");
    expect(result.stdout).toContain("# aws_vpc.network_vpc_9F2A1C3B will be created");
    expect(result.stdout).not.toContain("s3cr3t");
  });

  it("appends the cost and policy sections after the table, before the plans; a missing section file is left out", () => {
    const dir = planDir({ "dev-a-vpc.json": "create.json" });
    writeFileSync(join(dir, "cost.md"), "### Cost: `dev`\n\nFixed monthly estimate: $1.00 → **$2.00** (+$1.00, +100.0%).\n");
    writeFileSync(join(dir, "policy.md"), "### Policy pack: `dev`\n\n✅ 1 resources, 2 checks: **0 failed**, 0 waived, 2 passed.\n");
    const result = run([
      "--env",
      "dev",
      "--dir",
      dir,
      "--append",
      join(dir, "cost.md"),
      "--append",
      join(dir, "policy.md"),
      "--append",
      join(dir, "absent.md"),
    ]);
    expect(result.code).toBe(0);
    const body = result.stdout;
    const table = body.indexOf("| `dev-a-vpc` |");
    const cost = body.indexOf("### Cost: `dev`");
    const policy = body.indexOf("### Policy pack: `dev`");
    expect(table).toBeGreaterThan(0);
    expect(cost).toBeGreaterThan(table);
    expect(policy).toBeGreaterThan(cost);
    expect(body.indexOf("<details>")).toBeGreaterThan(policy);
  });

  it("writes the markdown and a machine-readable summary to files", () => {
    const dir = planDir({ "prod-x.json": "drift.json", "prod-y.json": "empty.json" });
    const out = join(dir, "comment.md");
    const summaryPath = join(dir, "summary.json");
    const textOut = join(dir, "texts");
    const result = run(["--env", "prod", "--dir", dir, "--mode", "drift", "--out", out, "--summary-json", summaryPath, "--text-out", textOut]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toContain("## Drift detected: `prod`");
    const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
    expect(summary).toMatchObject({ env: "prod", hasChanges: true, errored: false });
    expect(summary.stacks.map((s: { stack: string; drifted: number; hasChanges: boolean }) => [s.stack, s.drifted, s.hasChanges])).toEqual([
      ["prod-x", 1, true],
      ["prod-y", 0, false],
    ]);
    expect(summary.stacks[0].resources).toBeUndefined();
    expect(readFileSync(join(textOut, "prod-x.txt"), "utf8")).toContain("# aws_security_group_rule.app_ingress will be updated in-place");
    expect(readFileSync(join(textOut, "prod-y.txt"), "utf8")).toBe("No changes. Your infrastructure matches the configuration.\n");
  });

  it.each([
    [[], "plan-summary: --env is required"],
    [["--env", "dev"], "plan-summary: --dir is required"],
    [["--env", "dev", "--dir", "/nonexistent/plans"], "plan-summary: /nonexistent/plans: no such directory of plan JSON files."],
    [["--env", "dev", "--dir", ".", "--mode", "apply"], 'plan-summary: --mode must be "plan" or "drift", got "apply"'],
    [["--env", "dev", "--bogus"], "plan-summary: Unknown option '--bogus'"],
  ])("fails with a one-line usage error for %j", (argv, message) => {
    const result = run(argv);
    expect(result.code).toBe(1);
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it("names the malformed file, without a stack trace, when run as a process", () => {
    const dir = planDir({ "dev-ok.json": "create.json", "dev-broken.json": "malformed.json" });
    const child = spawnSync("npx", ["tsx", "libs/plan-summary/src/cli.ts", "--env", "dev", "--dir", dir], { encoding: "utf8", cwd: ROOT });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe("");
    expect(child.stderr).toContain(`plan-summary: ${join(dir, "dev-broken.json")}: not valid JSON`);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints markdown to stdout when run as a process", () => {
    const dir = planDir({ "dev-a.json": "create.json" });
    const stdout = execFileSync("npx", ["tsx", "libs/plan-summary/src/cli.ts", "--env", "dev", "--dir", dir], { encoding: "utf8", cwd: ROOT });
    expect(stdout.startsWith("<!-- plan:dev -->")).toBe(true);
  });
});
