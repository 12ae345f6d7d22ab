import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, loadWorkflow } from "./workflows";

/**
 * The workflows' command lines, run here against the real ops CLI and plan-summary tools with a
 * stand-in `terraform` on PATH (no AWS, no real Terraform): the contract between the YAML and the
 * tools it calls. Only the dev env is used; the stand-in never touches the network.
 */

const tmp = mkdtempSync(join(tmpdir(), "ops-contract-"));
const log = join(tmp, "terraform.log");
const PLAN_JSON = join(ROOT, "libs/plan-summary/src/__fixtures__/create.json");
const STACKS = join(ROOT, "apps/dev/cdktf.out/stacks");

function writeFakeTerraform(): void {
  const bin = join(tmp, "bin");
  spawnSync("mkdir", ["-p", bin]);
  writeFileSync(
    join(bin, "terraform"),
    `#!/usr/bin/env bash
echo "$(basename "$PWD") $*" >> "${log}"
case "$1" in
  plan) for a in "$@"; do case "$a" in -out=*) echo binary > "\${a#-out=}";; esac; done; exit "\${FAKE_PLAN_EXIT:-0}" ;;
  show) if [ "$2" = "-json" ]; then cat "${PLAN_JSON}"; else echo "  # aws_vpc.x will be created"; fi ;;
esac
exit 0
`,
  );
  chmodSync(join(bin, "terraform"), 0o755);
}

function sh(command: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["-euo", "pipefail", "-c", command], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: `${join(tmp, "bin")}:${process.env.PATH}`, ...env },
  });
}

function removeSavedPlans(): void {
  if (!existsSync(STACKS)) return;
  for (const stack of readdirSync(STACKS)) rmSync(join(STACKS, stack, "tfplan"), { force: true });
}

function stepRun(workflow: string, job: string, id: string): string {
  return String(loadWorkflow(workflow).jobs[job]?.steps?.find((s) => s.id === id)?.run);
}

/** A step's script with GitHub expressions filled in and its working files moved under `work`. */
function localize(run: string, work: string): string {
  return run
    .replaceAll("${{ github.event.pull_request.head.sha }}", "0123456789abcdef")
    .replace(/(?<=[\s"])(plans\/|stack-order-|plan-comment\.md|plan-texts\/|plan-summary\.json|drift\/|drift-report\.md|drift-summary\.json)/g, `${work}/$1`);
}

beforeAll(() => {
  writeFakeTerraform();
  const synth = sh("npm run -s infra -- synth --env dev");
  if (synth.status !== 0) throw new Error(`dev synth failed:\n${synth.stderr}`);
});

afterAll(() => {
  removeSavedPlans();
  const leaked = ["plans", "plan-comment.md", "plan-texts", "plan-summary.json", "drift", "drift-report.md", "drift-summary.json", "stack-order-dev.json"].filter((f) => existsSync(join(ROOT, f)));
  if (leaked.length) throw new Error(`a workflow step wrote into the workspace root (localize() missed it): ${leaked.join(", ")}`);
  rmSync(tmp, { recursive: true, force: true });
});

describe("pr.yml plan step against the ops CLI", () => {
  it("plans every dev stack, exports the plans and renders the comment", () => {
    const work = mkdtempSync(join(tmp, "pr-"));
    const plan = sh(localize(stepRun("pr.yml", "plan", "plan"), work), { PLAN_ENV: "dev" });
    expect(plan.stderr).not.toMatch(/Unknown option|usage:/);
    expect(plan.status).toBe(0);
    const order = JSON.parse(readFileSync(join(work, "stack-order-dev.json"), "utf8")) as { stack: string }[];
    expect(order.length).toBeGreaterThan(0);
    const calls = readFileSync(log, "utf8");
    for (const { stack } of order) {
      expect(calls).toContain(`${stack} plan -input=false -out=tfplan`);
      expect(existsSync(join(work, "plans/dev", `${stack}.json`))).toBe(true);
    }
    const summary = sh(localize(stepRun("pr.yml", "plan", "summary"), work), { PLAN_ENV: "dev", RUN_URL: "https://github.com/acme/infra/actions/runs/1" });
    expect(summary.stderr.split("\n").filter((l) => l && !l.startsWith("npm warn"))).toEqual([]);
    expect(summary.status).toBe(0);
    const comment = readFileSync(join(work, "plan-comment.md"), "utf8");
    expect(comment.startsWith("<!-- plan:dev -->")).toBe(true);
    expect(comment).toContain(`| \`${order[0]!.stack}\` | 2 | 0 | 0 | 0 |`);
    expect(comment).toContain("# aws_vpc.x will be created");
    expect(comment).toContain("commit `0123456789ab` · [workflow run](https://github.com/acme/infra/actions/runs/1)");
    expect(JSON.parse(readFileSync(join(work, "plan-summary.json"), "utf8")).hasChanges).toBe(true);
    expect(readdirSync(join(work, "plan-texts/dev")).length).toBe(order.length);
  });
});

describe("deploy.yml apply step against the ops CLI", () => {
  it("applies every dev stack without prompting", () => {
    writeFileSync(log, "");
    const run = String(loadWorkflow("deploy.yml").jobs.dev?.steps?.at(-1)?.run);
    const result = sh(run);
    expect(result.status).toBe(0);
    const applies = readFileSync(log, "utf8").split("\n").filter((l) => l.includes(" apply "));
    expect(applies.length).toBeGreaterThan(0);
    for (const line of applies) expect(line).toMatch(/^dev-\S+ apply -input=false -auto-approve$/);
  });
});

describe("drift.yml steps against the drift tools", () => {
  it.each([
    ["2", "drift"],
    ["0", "clean"],
  ])("records plan exit code %s as the step output and renders the report", (code) => {
    const work = mkdtempSync(join(tmp, "drift-"));
    const output = join(work, "github-output");
    writeFileSync(output, "");
    const env = { DRIFT_ENV: "dev", GITHUB_OUTPUT: output, FAKE_PLAN_EXIT: code, RUN_URL: "https://github.com/acme/infra/actions/runs/2", GITHUB_SHA: "feedface" };
    const detect = sh(localize(stepRun("drift.yml", "drift", "detect"), work), env);
    expect(detect.status).toBe(0);
    expect(readFileSync(output, "utf8")).toBe(`exit-code=${code}\n`);
    const planCalls = readFileSync(log, "utf8").split("\n").filter((l) => l.startsWith("dev-") && l.includes(" plan "));
    expect(planCalls.at(-1)).toMatch(/ plan -detailed-exitcode -lock=false -input=false -no-color -out=\S+$/);
    const report = sh(localize(stepRun("drift.yml", "drift", "report"), work), env);
    expect(report.status).toBe(0);
    expect(readFileSync(join(work, "drift-report.md"), "utf8").startsWith("<!-- drift:dev -->\n## Drift detected: `dev`")).toBe(true);
    expect(JSON.parse(readFileSync(join(work, "drift-summary.json"), "utf8")).env).toBe("dev");
  });
});
