import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ENVS, UsageError } from "./envs";
import { cdktfOut, stacksDir, workspace } from "./operate/context";
import { sha256 } from "./operate/workdir";
import { WORKSPACE_ROOT } from "./run";
import { synthAll } from "./synth-all";

/**
 * Which envs (and which of their stacks) a change really touches: the envs whose synthesized
 * Terraform JSON differs between the base commit and this checkout. Nx works at project level, so
 * any file under `environments/_envcommon` (one `environments` project) marks all four env apps
 * affected even when, say, a new module is deployed in dev only; the synthesized JSON says exactly
 * which stacks change. The PR workflow plans only these (issue 15.14).
 */
export interface EnvChange {
  readonly env: string;
  /** Names the repository variable AWS_PLAN_ROLE_ARN_<key>. */
  readonly key: string;
  /** Stacks whose cdk.tf.json differs, and stacks that are new: the ones to plan. */
  readonly stacks: readonly string[];
  /** Stacks that exist at the base only (their resources remain until destroyed). */
  readonly removed: readonly string[];
}

/** Stack name → sha256 of its cdk.tf.json. */
export function stackHashes(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "cdk.tf.json")))
      .map((d) => [d.name, sha256(readFileSync(join(dir, d.name, "cdk.tf.json")))] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Compares two synthesized trees (`<root>/apps/<env>/cdktf.out/stacks`) env by env. */
export function compareSynth(envs: readonly string[], baseStacks: (env: string) => string, headStacks: (env: string) => string): EnvChange[] {
  return envs.flatMap((env) => {
    const base = stackHashes(baseStacks(env));
    const head = stackHashes(headStacks(env));
    const stacks = [...head].filter(([s, h]) => base.get(s) !== h).map(([s]) => s);
    const removed = [...base.keys()].filter((s) => !head.has(s));
    return stacks.length || removed.length ? [{ env, key: env.toUpperCase(), stacks, removed }] : [];
  });
}

function git(args: string[], cwd: string): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new UsageError(`git ${args.join(" ")}: ${(r.stderr || r.stdout).trim().split("\n").at(-1)}`);
  return r.stdout.trim();
}

/**
 * Synthesizes `base` in a throwaway git worktree (with its own code: the base's builders are what
 * produced what is deployed) and this checkout, and compares them.
 */
export function affectedSince(base: string, opts: { keepBase?: string; log: (line: string) => void; outRoot: string }): EnvChange[] {
  const envs = ENVS.map((e) => e.name);
  const sha = git(["rev-parse", "--verify", `${base}^{commit}`], WORKSPACE_ROOT);
  if (isUnchangedCheckout(sha)) return unchangedSince(base, sha, opts);
  const tmp = mkdtempSync(join(tmpdir(), "infra-affected-"));
  const tree = join(tmp, "base");
  try {
    git(["worktree", "add", "--detach", "--quiet", tree, sha], WORKSPACE_ROOT);
    symlinkSync(join(WORKSPACE_ROOT, "node_modules"), join(tree, "node_modules"), "dir");
    opts.log(`synthesizing ${base} (${sha.slice(0, 12)}) …`);
    const r = spawnSync(process.execPath, [join(tree, "apps/ops/scripts/run.cjs"), "synth"], {
      cwd: tree,
      encoding: "utf8",
      env: { ...process.env, INFRA_WORKSPACE_ROOT: tree, INFRA_OUT_ROOT: tree },
    });
    const baseOk = r.status === 0;
    if (!baseOk)
      opts.log(
        `the base does not synthesize (exit ${r.status}); every env counts as affected:\n${(r.stderr || r.stdout).trim().split("\n").slice(-5).join("\n")}`,
      );
    opts.log("synthesizing this checkout …");
    synthAll(ENVS, (env) => cdktfOut(workspace(WORKSPACE_ROOT, { INFRA_OUT_ROOT: opts.outRoot }), env));
    const headWs = workspace(WORKSPACE_ROOT, { INFRA_OUT_ROOT: opts.outRoot });
    const changes = baseOk
      ? compareSynth(
          envs,
          (env) => join(tree, "apps", env, "cdktf.out", "stacks"),
          (env) => stacksDir(headWs, env),
        )
      : envs.map((env) => ({ env, key: env.toUpperCase(), stacks: [...stackHashes(stacksDir(headWs, env)).keys()], removed: [] }));
    if (opts.keepBase && baseOk) keepBaseSynth(opts.keepBase, (env) => join(tree, "apps", env, "cdktf.out"));
    return changes;
  } finally {
    spawnSync("git", ["worktree", "remove", "--force", tree], { cwd: WORKSPACE_ROOT });
    rmSync(tmp, { recursive: true, force: true });
    spawnSync("git", ["worktree", "prune"], { cwd: WORKSPACE_ROOT });
  }
}

/** This checkout is `sha` with nothing changed or added: the base's synth would be this checkout's synth. */
function isUnchangedCheckout(sha: string): boolean {
  return git(["rev-parse", "HEAD"], WORKSPACE_ROOT) === sha && git(["status", "--porcelain", "--untracked-files=normal"], WORKSPACE_ROOT) === "";
}

/**
 * The base is this very checkout (a push to main compared with itself, a PR whose base is its head):
 * synth is deterministic (apps/ops/src/determinism.test.ts), so one synth serves as both sides;
 * nothing is affected, and `--keep-base` gets a copy of it for the cost and policy steps.
 */
function unchangedSince(base: string, sha: string, opts: { keepBase?: string; log: (line: string) => void; outRoot: string }): EnvChange[] {
  opts.log(`synthesizing ${base} (${sha.slice(0, 12)}) once: it is this checkout, unchanged …`);
  const outOf = (env: string) => cdktfOut(workspace(WORKSPACE_ROOT, { INFRA_OUT_ROOT: opts.outRoot }), env);
  synthAll(ENVS, outOf);
  if (opts.keepBase) keepBaseSynth(opts.keepBase, outOf);
  return [];
}

/** Copies the base's synthesized envs to `<keepBase>/apps/<env>/cdktf.out` (`--keep-base`: the cost step compares against it). */
function keepBaseSynth(keepBase: string, outOf: (env: string) => string): void {
  for (const env of ENVS.map((e) => e.name)) {
    const from = outOf(env);
    if (!existsSync(from)) continue;
    const to = join(resolve(keepBase), "apps", env, "cdktf.out");
    mkdirSync(to, { recursive: true });
    cpSync(from, to, { recursive: true });
  }
}

export function affectedCommand(
  values: { base?: string | undefined; json?: boolean | undefined; "keep-base"?: string | undefined },
  io: { stdout: (t: string) => void; stderr: (t: string) => void; env: NodeJS.ProcessEnv },
): number {
  if (!values.base) throw new UsageError("affected needs --base <git ref> (e.g. origin/main)");
  const changes = affectedSince(values.base, {
    ...(values["keep-base"] ? { keepBase: values["keep-base"] } : {}),
    log: (l) => io.stderr(`${l}\n`),
    outRoot: workspace(WORKSPACE_ROOT, io.env).outRoot,
  });
  if (values.json) {
    io.stdout(`${JSON.stringify(changes)}\n`);
    return 0;
  }
  if (!changes.length) io.stdout("no env's synthesized Terraform changes\n");
  for (const c of changes) {
    io.stdout(
      `${c.env}: ${c.stacks.length} stack(s) to plan${c.stacks.length ? `: ${c.stacks.join(", ")}` : ""}${c.removed.length ? `; removed: ${c.removed.join(", ")}` : ""}\n`,
    );
  }
  return 0;
}
