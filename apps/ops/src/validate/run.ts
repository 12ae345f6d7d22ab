import { spawn } from "node:child_process";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { validateCommands, type ProcessSpec } from "./commands";
import { parseValidateJson, type ValidateOutput } from "./diagnostics";
import { mapPool } from "./pool";
import type { StackRef } from "./stacks";

export interface StackResult {
  readonly stack: StackRef;
  /** "init" when init failed (its output is in `initOutput`), else the parsed validate output. */
  readonly failedAt?: "init";
  readonly initOutput?: string;
  readonly validate?: ValidateOutput;
  readonly ok: boolean;
  readonly initMs: number;
  readonly validateMs: number;
}

interface Finished {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Run one process to completion, capturing its output (never inherits the terminal: runs are parallel). */
export function runProcess(spec: ProcessSpec): Promise<Finished> {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise) => {
    const child = spawn(spec.command, [...spec.args], { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const done = (code: number, extra = "") => resolvePromise({ code, stdout, stderr: stderr + extra, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    child.on("error", (e) => done(127, `failed to start ${spec.command}: ${e.message}`));
    child.on("close", (code) => done(code ?? 1));
  });
}

/** Forget a previous init (provider links, lock file), so a run measures init from the plugin cache. */
export function cleanInit(dir: string): void {
  rmSync(join(dir, ".terraform"), { recursive: true, force: true });
  rmSync(join(dir, ".terraform.lock.hcl"), { force: true });
}

export async function validateStack(stack: StackRef, tofu: string, env: Readonly<Record<string, string>>, fresh: boolean): Promise<StackResult> {
  if (fresh) cleanInit(stack.dir);
  const { init, validate } = validateCommands(tofu, stack.dir, env);
  const i = await runProcess(init);
  if (i.code !== 0) {
    return { stack, ok: false, failedAt: "init", initOutput: `${i.stdout}${i.stderr}`.trim(), initMs: i.ms, validateMs: 0 };
  }
  const v = await runProcess(validate);
  const parsed = parseValidateJson(v.stdout || v.stderr, readFileSync(join(stack.dir, "cdk.tf.json"), "utf8"));
  // A non-zero exit with JSON that claims "valid" is still a failure.
  const out = v.code !== 0 && parsed.valid ? { ...parsed, valid: false, errorCount: Math.max(1, parsed.errorCount) } : parsed;
  return { stack, ok: out.valid, validate: out, initMs: i.ms, validateMs: v.ms };
}

function isEmptyDir(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}

/**
 * Validate every stack, `parallelism` at a time. The plugin cache is not safe for concurrent first
 * writes, so when it is empty the first stack runs alone and fills it; the rest then only link to it.
 */
export async function validateAll(
  stacks: readonly StackRef[],
  opts: {
    tofu: string;
    env: Readonly<Record<string, string>>;
    parallelism: number;
    fresh: boolean;
    pluginCache: string;
    onDone?: (r: StackResult, n: number) => void;
  },
): Promise<StackResult[]> {
  let finished = 0;
  const report = (r: StackResult) => opts.onDone?.(r, ++finished);
  const results: StackResult[] = [];
  let rest = [...stacks];
  if (rest.length > 0 && isEmptyDir(opts.pluginCache)) {
    const first = await validateStack(rest[0]!, opts.tofu, opts.env, opts.fresh);
    report(first);
    results.push(first);
    rest = rest.slice(1);
  }
  results.push(
    ...(await mapPool(
      rest,
      opts.parallelism,
      (s) => validateStack(s, opts.tofu, opts.env, opts.fresh),
      (r) => report(r),
    )),
  );
  return results;
}
