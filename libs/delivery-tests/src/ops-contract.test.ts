import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, loadWorkflow } from "./workflows";

/**
 * The workflows' command lines, run here against the real ops CLI and plan-summary with a stand-in
 * `tofu` on PATH (no AWS, no real OpenTofu): the contract between the YAML and the tools it calls.
 * Synthesized stacks and plans live in a temporary out root (INFRA_OUT_ROOT); only dev is used.
 */

const tmp = mkdtempSync(join(tmpdir(), "ops-contract-"));
const out = join(tmp, "out");
const log = join(tmp, "tofu.log");
const PLAN_JSON = join(ROOT, "libs/plan-summary/src/__fixtures__/create.json");
const EMPTY_JSON = join(ROOT, "libs/plan-summary/src/__fixtures__/empty.json");

function writeFakeTofu(): void {
  const bin = join(tmp, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, "tofu"),
    `#!/usr/bin/env bash
echo "$(basename "$PWD") $*" >> "${log}"
case "$1" in
  version) echo "OpenTofu v1.12.6"; echo "on linux_amd64" ;;
  init)
    mkdir -p .terraform
    jq '{backend: {type: "s3", config: .terraform.backend.s3}}' cdk.tf.json > .terraform/terraform.tfstate
    [ -f .terraform.lock.hcl ] || echo "# fake lock" > .terraform.lock.hcl
    echo "OpenTofu has been successfully initialized!" ;;
  plan) for a in "$@"; do case "$a" in -out=*) echo "plan of $(basename "$PWD")" > "\${a#-out=}";; esac; done; exit "\${FAKE_PLAN_EXIT:-0}" ;;
  show) if [ "$2" = "-json" ]; then if [ -n "\${FAKE_NO_CHANGES:-}" ]; then cat "${EMPTY_JSON}"; else cat "${PLAN_JSON}"; fi; else echo "  # aws_vpc.x will be created"; fi ;;
  apply) echo "Apply complete! Resources: 2 added, 0 changed, 0 destroyed." ;;
esac
exit 0
`,
  );
  chmodSync(join(bin, "tofu"), 0o755);
}

function sh(command: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["-euo", "pipefail", "-c", command], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      PATH: `${join(tmp, "bin")}:${process.env.PATH}`,
      INFRA_OUT_ROOT: out,
      INFRA_TF_BINARY: "tofu",
      INFRA_PLUGIN_CACHE_DIR: join(tmp, "plugins"),
      // npm's own update check prints "npm notice ..." to stderr now and then (once its weekly check is due):
      // that made the stderr assertions below flaky. The workflows' tools must stay silent; npm is not under test.
      NPM_CONFIG_UPDATE_NOTIFIER: "false",
      ...env,
    },
  });
}

function stepRun(workflow: string, job: string, pick: { id?: string; name?: string }): string {
  const step = loadWorkflow(workflow).jobs[job]?.steps?.find((s) => (pick.id ? s.id === pick.id : s.name === pick.name));
  if (!step?.run) throw new Error(`${workflow}#${job}: no step ${JSON.stringify(pick)}`);
  return step.run;
}

/** stderr lines written by the tools themselves: npm's own diagnostics (npm warn/notice, e.g. an update notice) are not ours. */
function toolStderr(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.trim() !== "" && !/^npm (warn|notice|WARN)\b/.test(l));
}

const WORK_FILES =
  /(?<=[\s"])(plans\/|stack-order-|plan-comment\.md|plan-texts\/|plan-summary\.json|plan-result\.json|pr-extras\/|affected\.json|\.base|drift\/|drift-report\.md|drift-summary\.json)/g;

/** A step's script with GitHub expressions filled in and its working files moved under `work`. */
function localize(run: string, work: string): string {
  return run.replaceAll("${{ github.event.pull_request.head.sha }}", "0123456789abcdef").replace(WORK_FILES, `${work}/$1`);
}

beforeAll(() => {
  writeFakeTofu();
  const synth = sh("npm run -s infra -- synth --env dev");
  if (synth.status !== 0) throw new Error(`dev synth failed:\n${synth.stderr}`);
}, 120_000);

afterAll(() => {
  const leaked = [
    "plans",
    "plan-comment.md",
    "plan-texts",
    "plan-summary.json",
    "plan-result.json",
    "pr-extras",
    "affected.json",
    ".base",
    "drift",
    "drift-report.md",
    "drift-summary.json",
    "stack-order-dev.json",
  ].filter((f) => existsSync(join(ROOT, f)));
  if (leaked.length) throw new Error(`a workflow step wrote into the workspace root (localize() missed it): ${leaked.join(", ")}`);
  rmSync(tmp, { recursive: true, force: true });
});

describe("pr.yml steps against the ops CLI", () => {
  it("verify: the affected step yields the plan matrix; the extras step writes the cost difference and policy summary", () => {
    const work = mkdtempSync(join(tmp, "verify-"));
    const output = join(work, "github-output");
    writeFileSync(output, "");
    // Against HEAD itself. In a clean checkout (CI) nothing changes: one synth serves as both sides and
    // the matrix is empty; with local edits the base is synthesized in a worktree and compared.
    const clean = sh("git status --porcelain --untracked-files=normal").stdout === "";
    const envs = sh(localize(stepRun("pr.yml", "verify", { id: "envs" }), work), { NX_BASE: "HEAD", GITHUB_OUTPUT: output });
    expect(envs.stderr).toContain(clean ? "synthesizing HEAD (" : "synthesizing this checkout");
    expect(envs.stderr.includes("once: it is this checkout, unchanged")).toBe(clean);
    expect(envs.status).toBe(0);
    const matrix = JSON.parse(/^envs=(.*)\n$/.exec(readFileSync(output, "utf8"))![1]!) as { env: string; key: string; stacks: string }[];
    if (clean) expect(matrix).toEqual([]);
    expect(readdirSync(join(work, ".base/apps")).sort()).toEqual(["dev", "prod", "staging", "uat"]);
    for (const entry of matrix)
      expect(entry).toEqual({ env: expect.stringMatching(/^(dev|staging|uat|prod)$/), key: entry.env.toUpperCase(), stacks: expect.any(String) });
    // The extras step for one env, as if the affected step had named dev.
    writeFileSync(join(work, "affected.json"), JSON.stringify([{ env: "dev", key: "DEV", stacks: ["dev-us-east-1-network-vpc"], removed: [] }]));
    const extras = sh(localize(stepRun("pr.yml", "verify", { name: "Cost difference and policy summary per env" }), work));
    expect(extras.status).toBe(0);
    expect(readFileSync(join(work, "pr-extras/dev/cost.md"), "utf8")).toMatch(
      /^### Cost: `dev`\n\nFixed monthly estimate: \$[\d,.]+ → \*\*\$[\d,.]+\*\* \(±\$0\.00, \+0\.0%\)\./,
    );
    expect(readFileSync(join(work, "pr-extras/dev/policy.md"), "utf8")).toMatch(/^### Policy pack: `dev`\n\n✅ \d+ resources, \d+ checks: \*\*0 failed\*\*/);
  }, 120_000);

  it("plan: plans the changed stacks read-only, exports them and renders the comment with the extras", () => {
    const work = mkdtempSync(join(tmp, "pr-"));
    writeFileSync(log, "");
    const env = { PLAN_ENV: "dev", PLAN_STACKS: "dev-us-east-1-network-vpc,dev-us-east-1-data-rds", HEAD_SHA: "0123456789abcdef" };
    const plan = sh(localize(stepRun("pr.yml", "plan", { id: "plan" }), work), env);
    expect(plan.stderr).not.toMatch(/unknown option|does not take/);
    expect(plan.status).toBe(0);
    const calls = readFileSync(log, "utf8");
    for (const stack of ["dev-us-east-1-network-vpc", "dev-us-east-1-data-rds"]) {
      expect(calls).toMatch(new RegExp(`^${stack} plan -no-color -input=false -lock=false -out=\\S+${stack}\\.tfplan$`, "m"));
      expect(existsSync(join(work, "plans/dev", `${stack}.json`))).toBe(true);
    }
    expect(readdirSync(join(work, "plans/dev")).filter((f) => f.endsWith(".json"))).toHaveLength(2);
    mkdirSync(join(work, "pr-extras/dev"), { recursive: true });
    writeFileSync(join(work, "pr-extras/dev/cost.md"), "### Cost: `dev`\n");
    const summary = sh(localize(stepRun("pr.yml", "plan", { id: "summary" }), work), { ...env, RUN_URL: "https://github.com/acme/infra/actions/runs/1" });
    expect(toolStderr(summary.stderr)).toEqual([]);
    expect(summary.status).toBe(0);
    const comment = readFileSync(join(work, "plan-comment.md"), "utf8");
    expect(comment.startsWith("<!-- plan:dev -->")).toBe(true);
    expect(comment).toContain("| `dev-us-east-1-network-vpc` | 2 | 0 | 0 | 0 |");
    expect(comment).toContain("### Cost: `dev`");
    expect(comment).toContain("# aws_vpc.x will be created");
    expect(comment).toContain("commit `0123456789ab` · [workflow run](https://github.com/acme/infra/actions/runs/1)");
    expect(JSON.parse(readFileSync(join(work, "plan-summary.json"), "utf8")).hasChanges).toBe(true);
  });
});

describe("deploy.yml plan and apply steps against the ops CLI", () => {
  it("the plan step saves plan files and reports changes; the apply step applies exactly those files", () => {
    const work = mkdtempSync(join(tmp, "deploy-"));
    const output = join(work, "github-output");
    const summaryFile = join(work, "step-summary.md");
    writeFileSync(output, "");
    writeFileSync(log, "");
    const env = { DEPLOY_ENV: "dev", GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_SHA: "0123456789abcdef" };
    const plan = sh(localize(stepRun("deploy.yml", "plan-dev", { id: "plan" }), work), env);
    expect(plan.status, plan.stderr).toBe(0);
    expect(readFileSync(output, "utf8")).toBe("changes=true\n");
    expect(readFileSync(summaryFile, "utf8").startsWith("<!-- plan:dev -->")).toBe(true);
    const planCalls = readFileSync(log, "utf8")
      .split("\n")
      .filter((l) => / plan /.test(l));
    expect(planCalls.length).toBeGreaterThan(20);
    for (const line of planCalls) expect(line).toMatch(/^dev-\S+ plan -no-color -input=false -lock-timeout=10m -out=\S+\.tfplan$/);
    writeFileSync(log, "");
    const apply = sh(stepRun("deploy.yml", "dev", { name: "Apply the saved plans" }), env);
    expect(apply.status, apply.stderr).toBe(0);
    const applies = readFileSync(log, "utf8")
      .split("\n")
      .filter((l) => l.includes(" apply "));
    expect(applies.length).toBe(planCalls.length);
    for (const line of applies) expect(line).toMatch(/^(dev-\S+) apply -no-color -input=false -lock-timeout=10m \S+\/tfrun\/plans\/\1\.tfplan$/);
  });

  it("an env with no changes reports changes=false (its approval and apply are skipped)", () => {
    const work = mkdtempSync(join(tmp, "deploy-"));
    const output = join(work, "github-output");
    writeFileSync(output, "");
    const env = { DEPLOY_ENV: "dev", GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: join(work, "s.md"), GITHUB_SHA: "0", FAKE_NO_CHANGES: "1" };
    expect(sh(localize(stepRun("deploy.yml", "plan-dev", { id: "plan" }), work), env).status).toBe(0);
    expect(readFileSync(output, "utf8")).toBe("changes=false\n");
  });
});

/**
 * A stand-in for staging's api./ws. edge in its own process (the workflow's command runs
 * synchronously here): healthy answers, or with STAND_IN_BROKEN=1 the 401-on-preflight bug.
 */
const STAND_IN = `
const http = require("node:http");
const broken = process.env.STAND_IN_BROKEN === "1";
const origin = "https://staging.aerologue.app";
const server = http.createServer((req, res) => {
  if (req.headers.host === "api.staging.aerologue.app" && req.url === "/api/v1/health") return res.writeHead(200).end("{}");
  if (req.method === "OPTIONS" && !broken && req.headers.origin === origin) return res.writeHead(204, { "access-control-allow-origin": origin }).end();
  if (req.url.startsWith("/api/v1/flights/") && !req.headers.authorization) return res.writeHead(401).end();
  res.writeHead(404).end();
});
server.on("upgrade", (req, socket) => socket.end(req.headers.host === "ws.staging.aerologue.app" && req.url === "/ws" ? "HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n\\r\\n" : "HTTP/1.1 404 Not Found\\r\\n\\r\\n"));
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

async function startStandIn(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", STAND_IN], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) => child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

describe("deploy.yml integration-test step against the ops CLI (seed 000 ARC-014)", () => {
  it("passes (exit 0) against a healthy staging and fails the job (exit 1) when a check fails", async () => {
    const run = stepRun("deploy.yml", "smoke-staging", { name: "Integration tests against staging" });
    const healthy = await startStandIn({});
    try {
      const ok = sh(run, { INFRA_SMOKE_CONNECT_TO: healthy.url, INFRA_SMOKE_ATTEMPTS: "1" });
      expect(ok.status, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain("GET https://api.staging.aerologue.app/api/v1/health -> 200");
      expect(ok.stdout).toContain("GET wss://ws.staging.aerologue.app/ws -> 101");
      expect(ok.stdout).toMatch(/4 passed, 0 failed\n$/);
      expect(toolStderr(ok.stderr)).toEqual([]);
    } finally {
      healthy.child.kill();
    }
    const broken = await startStandIn({ STAND_IN_BROKEN: "1" });
    try {
      const failed = sh(run, { INFRA_SMOKE_CONNECT_TO: broken.url, INFRA_SMOKE_ATTEMPTS: "1" });
      expect(failed.status).toBe(1);
      expect(failed.stdout).toContain("FAIL aerologue/cors-preflight");
      expect(failed.stdout).toMatch(/3 passed, 1 failed\n$/);
    } finally {
      broken.child.kill();
    }
  }, 60_000);
});

describe("drift.yml steps against the ops CLI", () => {
  it.each([
    ["2", "drift"],
    ["0", "clean"],
  ])("records plan exit code %s as the step output and renders the report", (code) => {
    const work = mkdtempSync(join(tmp, "drift-"));
    const output = join(work, "github-output");
    writeFileSync(output, "");
    writeFileSync(log, "");
    const env = {
      DRIFT_ENV: "dev",
      GITHUB_OUTPUT: output,
      FAKE_PLAN_EXIT: code,
      RUN_URL: "https://github.com/acme/infra/actions/runs/2",
      APPLIED_SHA: "feedface",
    };
    const detect = sh(localize(stepRun("drift.yml", "drift", { id: "detect" }), work), env);
    expect(detect.status).toBe(0);
    expect(readFileSync(output, "utf8")).toBe(`exit-code=${code}\n`);
    const planCalls = readFileSync(log, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("dev-") && l.includes(" plan "));
    expect(planCalls.at(-1)).toMatch(/ plan -no-color -input=false -lock=false -detailed-exitcode -out=\S+$/);
    const report = sh(localize(stepRun("drift.yml", "drift", { id: "report" }), work), env);
    expect(report.status).toBe(0);
    expect(readFileSync(join(work, "drift-report.md"), "utf8").startsWith("<!-- drift:dev -->\n## Drift detected: `dev`")).toBe(true);
    expect(JSON.parse(readFileSync(join(work, "drift-summary.json"), "utf8")).env).toBe("dev");
    expect(JSON.parse(readFileSync(join(work, "drift/dev/_drift.json"), "utf8")).drifted.length).toBe(code === "2" ? planCalls.length : 0);
  });
});
