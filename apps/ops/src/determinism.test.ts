import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { PLACEHOLDER_GUARD_CONDITION } from "@infra/core";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..", "..");
/** An absolute path of the synthesizing machine, starting a JSON string or a word (not a segment of an S3 key or ARN). */
const MACHINE_PATH = /(?<=^|["'\s=(])(?:\/home\/(?!ec2-user\/|ssm-user\/)|\/Users\/|\/root\/|\/work\/|[A-Za-z]:\\\\)[^"\s]*/;

/** Every env through the operator CLI's bundle (what `npm run synth` runs), in a child process, into a fresh out root. */
function synthAllTo(): Promise<string> {
  const outRoot = mkdtempSync(join(tmpdir(), "det-all-"));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, "apps/ops/scripts/run.cjs"), "synth"], {
      cwd: ROOT,
      env: { ...process.env, INFRA_OUT_ROOT: outRoot },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => (code === 0 ? done(outRoot) : fail(new Error(`synth failed: ${stderr}`))));
  });
}

/** One env through its own app entry (what `cdktf synth` in apps/<env> runs). */
function synthEnvAppTo(env: string): string {
  const outdir = mkdtempSync(join(tmpdir(), `det-${env}-`));
  const r = spawnSync(process.execPath, ["--import", "tsx", "--", `apps/${env}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.base.json", CDKTF_OUTDIR: outdir },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`synth ${env} failed: ${r.stderr}`);
  return outdir;
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

// Two independent processes synthesize every env (two runs of the whole repo cost what two runs of
// prod alone used to: one process loads the libraries once).
let runs: Promise<[string, string]> | undefined;
const twoRuns = () => (runs ??= Promise.all([synthAllTo(), synthAllTo()]));
const outdir = (outRoot: string, env: string) => join(outRoot, "apps", env, "cdktf.out");
afterAll(async () => {
  if (runs) for (const dir of await runs) rmSync(dir, { recursive: true, force: true });
});

describe.each(["dev", "staging", "uat", "prod"])("synth of %s", (env) => {
  it("is byte-identical across two runs and free of machine-specific values", async () => {
    const [rootA, rootB] = await twoRuns();
    const a = outdir(rootA, env);
    const first = files(a);
    const second = files(outdir(rootB, env));
    expect(first.size).toBeGreaterThan(0);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, text] of first) expect(second.get(path), path).toBe(text);
    for (const [path, text] of first) {
      expect(text.includes(rootA), `${path} contains the output directory`).toBe(false);
      expect(text.includes(ROOT), `${path} contains the workspace path`).toBe(false);
      // Except the fresh-env guard's precondition, which sets no attribute (docs/fresh-env-plan.md).
      const checked = text.split(JSON.stringify(PLACEHOLDER_GUARD_CONDITION).slice(1, -1)).join("");
      expect(/timestamp\(\)/.test(checked), `${path} calls Terraform's timestamp function`).toBe(false);
      // Paths of the machine that synthesized (home directories, this workspace, Windows drives). /tmp is
      // checked through the output directory above: EC2 user data legitimately writes to the host's /tmp.
      expect(MACHINE_PATH.exec(text)?.[0], `${path} contains a machine-specific absolute path`).toBeUndefined();
    }
  });
});

describe("the env app entry (cdktf synth)", () => {
  it("writes exactly what the operator CLI writes for the same env", async () => {
    const [rootA] = await twoRuns();
    const viaCli = files(outdir(rootA, "dev"));
    const viaApp = files(synthEnvAppTo("dev"));
    expect([...viaApp.keys()].sort()).toEqual([...viaCli.keys()].sort());
    for (const [path, text] of viaCli) expect(viaApp.get(path), path).toBe(text);
  });
});
