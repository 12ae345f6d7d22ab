import { spawnSync } from "node:child_process";
import { availableParallelism, homedir } from "node:os";
import { join, resolve, sep } from "node:path";
import { UsageError } from "../envs";

/** Where things live for one CLI invocation; every path is absolute. */
export interface Workspace {
  /** The repository (committed lock files, git). */
  readonly root: string;
  /** Where `apps/<app>/cdktf.out` and `apps/<app>/tfrun` live: the repository unless INFRA_OUT_ROOT says otherwise. */
  readonly outRoot: string;
}

export function workspace(root: string, env: NodeJS.ProcessEnv): Workspace {
  return { root, outRoot: env["INFRA_OUT_ROOT"] ? resolve(env["INFRA_OUT_ROOT"]) : root };
}

export const cdktfOut = (ws: Workspace, app: string) => join(ws.outRoot, "apps", app, "cdktf.out");
export const stacksDir = (ws: Workspace, app: string) => join(cdktfOut(ws, app), "stacks");
/** Per-run working files of an app (saved plans, logs): outside cdktf.out, so synth and the Nx cache never see them. */
export const runDir = (ws: Workspace, app: string) => join(ws.outRoot, "apps", app, "tfrun");

/** Default bounded concurrency: Terraform runs are mostly network-bound, memory sets the limit (~300 MB each). */
export function defaultParallelism(env: NodeJS.ProcessEnv): number {
  const fromEnv = env["INFRA_PARALLELISM"];
  if (fromEnv) return parseParallelism(fromEnv, "INFRA_PARALLELISM");
  return Math.min(8, Math.max(2, availableParallelism() * 2));
}

export function parseParallelism(value: string, what = "--parallelism"): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`${what} must be a whole number from 1 to 64, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * The shared provider plugin cache: `--plugin-cache`, else $INFRA_PLUGIN_CACHE_DIR, else an existing
 * $TF_PLUGIN_CACHE_DIR, else ~/.cache/infra-plugins. Never inside a stack directory (cdktf.out),
 * where synth or the Nx cache would copy or remove it.
 */
export function pluginCacheDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw =
    flag ??
    env["INFRA_PLUGIN_CACHE_DIR"] ??
    env["TF_PLUGIN_CACHE_DIR"] ??
    join(env["XDG_CACHE_HOME"] ?? join(env["HOME"] ?? homedir(), ".cache"), "infra-plugins");
  const dir = resolve(raw);
  if (dir.split(sep).includes("cdktf.out")) throw new UsageError(`--plugin-cache ${raw}: must be outside cdktf.out (synth output is cached and pruned)`);
  return dir;
}

/** The checked-out commit, or undefined outside a git checkout. */
export function headCommit(root: string): string | undefined {
  const r = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Terraform's duration syntax for -lock-timeout: 30s, 10m, 1h. */
export function parseLockTimeout(value: string): string {
  if (!/^\d+(ms|s|m|h)$/.test(value)) throw new UsageError(`--lock-timeout ${JSON.stringify(value)}: use a duration like 30s, 10m or 1h`);
  return value;
}
