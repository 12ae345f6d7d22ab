import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Drift detection for one env: `terraform plan -detailed-exitcode -lock=false` in every synthesized
 * stack (read-only: no state lock, nothing applied). Exit codes follow Terraform's: 0 no changes,
 * 1 error, 2 changes present (= drift, or unapplied config).
 */

export type DriftStatus = "clean" | "drift" | "error";

export interface StackDriftResult {
  stack: string;
  status: DriftStatus;
  /** What failed, for `error` (the last lines of Terraform's stderr). */
  message?: string;
}

export interface ExecResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export type Exec = (command: string, args: readonly string[], cwd: string) => ExecResult;

export const defaultExec: Exec = (command, args, cwd) => {
  const r = spawnSync(command, [...args], { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, env: { ...process.env, TF_IN_AUTOMATION: "1" } });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? (r.error ? String(r.error.message) : "") };
};

/** Overall exit code: any error wins (1), then any drift (2), else 0. */
export function driftExitCode(results: readonly StackDriftResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === "error")) return 1;
  return results.some((r) => r.status === "drift") ? 2 : 0;
}

/** Synthesized stacks under `stacksDir` (`apps/<env>/cdktf.out/stacks`): directories with a cdk.tf.json. */
export function listStacks(stacksDir: string): string[] {
  if (!existsSync(stacksDir)) throw new Error(`${stacksDir} does not exist: synthesize the env first (npx nx run <env>:synth).`);
  return readdirSync(stacksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(stacksDir, d.name, "cdk.tf.json")))
    .map((d) => d.name)
    .sort();
}

function tail(text: string, lines = 20): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export interface DriftOptions {
  stacksDir: string;
  /** Receives `<stack>.json` (show -json) and `<stack>.txt` (show -no-color) per planned stack, and `_drift.json`. */
  outDir: string;
  stacks?: readonly string[];
  terraform?: string;
  exec?: Exec;
}

/** Plans every stack read-only and records per-stack results; never throws for a Terraform failure. */
export function detectDrift(options: DriftOptions): StackDriftResult[] {
  const exec = options.exec ?? defaultExec;
  const tf = options.terraform ?? "terraform";
  const stacks = options.stacks ?? listStacks(options.stacksDir);
  mkdirSync(options.outDir, { recursive: true });
  // Binary plans hold sensitive values in clear text: keep them out of outDir (uploaded as an artifact).
  const scratch = mkdtempSync(join(tmpdir(), "drift-"));
  try {
    const results = stacks.map((stack): StackDriftResult => {
      const cwd = join(options.stacksDir, stack);
      const init = exec(tf, ["init", "-input=false", "-no-color"], cwd);
      if (init.status !== 0) return { stack, status: "error", message: `terraform init failed:\n${tail(init.stderr || init.stdout)}` };
      const planFile = join(scratch, `${stack}.tfplan`);
      const plan = exec(tf, ["plan", "-detailed-exitcode", "-lock=false", "-input=false", "-no-color", `-out=${planFile}`], cwd);
      if (plan.status !== 0 && plan.status !== 2) return { stack, status: "error", message: `terraform plan failed:\n${tail(plan.stderr || plan.stdout)}` };
      const json = exec(tf, ["show", "-json", planFile], cwd);
      const text = exec(tf, ["show", "-no-color", planFile], cwd);
      if (json.status !== 0 || text.status !== 0) return { stack, status: "error", message: `terraform show failed:\n${tail(json.stderr || text.stderr)}` };
      writeFileSync(join(options.outDir, `${stack}.json`), json.stdout);
      writeFileSync(join(options.outDir, `${stack}.txt`), text.stdout);
      return { stack, status: plan.status === 2 ? "drift" : "clean" };
    });
    writeFileSync(join(options.outDir, "_drift.json"), `${JSON.stringify({ exitCode: driftExitCode(results), stacks: results }, null, 2)}\n`);
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
