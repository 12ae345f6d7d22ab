import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TfBinary } from "./binary";

/**
 * A stack's Terraform working directory (`apps/<env>/cdktf.out/stacks/<stack>`): when it needs
 * `init`, and whether its backend moved. Init runs once per stack per run at most, and not at all
 * when nothing it depends on changed since the last successful one (recorded in a stamp next to
 * Terraform's own data). `-reconfigure` is never implied: a changed backend is reported and the
 * user chooses `--reconfigure` (start from the new location) or `--migrate-state` (copy the state).
 */

export interface Backend {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** Terraform's data directory of a working directory (honours TF_DATA_DIR like Terraform does). */
export function dataDir(stackDir: string, env: NodeJS.ProcessEnv): string {
  return env["TF_DATA_DIR"] ? resolve(stackDir, env["TF_DATA_DIR"]) : join(stackDir, ".terraform");
}

export interface StackConfig {
  /** sha256 of cdk.tf.json: what a saved plan is checked against. */
  readonly sha256: string;
  readonly backend: Backend | undefined;
  /** `terraform.required_providers`, serialized: a change needs a new init. */
  readonly providers: string;
  /** `terraform.required_version`. */
  readonly requiredVersion: string | undefined;
  /** The whole JSON (cross-stack reads are looked up in it). */
  readonly text: string;
}

export function readStackConfig(stackDir: string): StackConfig {
  const text = readFileSync(join(stackDir, "cdk.tf.json"), "utf8");
  const json = JSON.parse(text) as {
    terraform?: { backend?: Record<string, Record<string, unknown>>; required_providers?: unknown; required_version?: string };
  };
  const [type, config] = Object.entries(json.terraform?.backend ?? {})[0] ?? [];
  return {
    sha256: sha256(text),
    backend: type ? { type, config: config ?? {} } : undefined,
    providers: JSON.stringify(json.terraform?.required_providers ?? {}),
    requiredVersion: json.terraform?.required_version,
    text,
  };
}

/** The backend the working directory was last initialized with (Terraform records it in its data dir). */
export function recordedBackend(stackDir: string, env: NodeJS.ProcessEnv): Backend | undefined {
  const file = join(dataDir(stackDir, env), "terraform.tfstate");
  if (!existsSync(file)) return undefined;
  try {
    const backend = (JSON.parse(readFileSync(file, "utf8")) as { backend?: { type?: string; config?: Record<string, unknown> } }).backend;
    return backend?.type ? { type: backend.type, config: backend.config ?? {} } : undefined;
  } catch {
    return undefined;
  }
}

/** Where the backend moved, e.g. `s3 key a → b`, or undefined when it did not. Only settings the config names count. */
export function backendChange(desired: Backend | undefined, recorded: Backend | undefined): string | undefined {
  const type = (b: Backend | undefined) => b?.type ?? "local";
  if (type(desired) !== type(recorded)) return `backend ${type(recorded)} → ${type(desired)}`;
  for (const [key, value] of Object.entries(desired?.config ?? {})) {
    const before = recorded?.config[key];
    if (JSON.stringify(before ?? null) !== JSON.stringify(value ?? null))
      return `${type(desired)} ${key} ${JSON.stringify(before ?? null)} → ${JSON.stringify(value)}`;
  }
  return undefined;
}

const STAMP = "infra-init.json";

function stampOf(binary: TfBinary, config: StackConfig, lock: string | undefined): string {
  return JSON.stringify({ binary: binary.label, providers: config.providers, backend: config.backend ?? null, lock: lock === undefined ? null : sha256(lock) });
}

export type InitDecision =
  { readonly kind: "skip" } | { readonly kind: "init"; readonly reason: string } | { readonly kind: "backend-changed"; readonly change: string };

/** Does this working directory need `init` before the action? */
export function initDecision(stackDir: string, binary: TfBinary, config: StackConfig, lock: string | undefined, env: NodeJS.ProcessEnv): InitDecision {
  const data = dataDir(stackDir, env);
  if (!existsSync(data)) return { kind: "init", reason: "not initialized" };
  const recorded = recordedBackend(stackDir, env);
  if (recorded || config.backend) {
    const change = recorded ? backendChange(config.backend, recorded) : undefined;
    if (change) return { kind: "backend-changed", change };
    if (!recorded) return { kind: "init", reason: "backend not initialized" };
  }
  const stampFile = join(data, STAMP);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (stamp !== stampOf(binary, config, lock ?? lockIn(stackDir))) return { kind: "init", reason: "providers, lock file or binary changed" };
  if (!existsSync(join(stackDir, LOCK_FILE))) return { kind: "init", reason: "no lock file" };
  return { kind: "skip" };
}

/** Records a successful init, so the next run can skip it. */
export function writeStamp(stackDir: string, binary: TfBinary, config: StackConfig, env: NodeJS.ProcessEnv): void {
  const data = dataDir(stackDir, env);
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, STAMP), stampOf(binary, config, lockIn(stackDir)));
}

export const LOCK_FILE = ".terraform.lock.hcl";

function lockIn(stackDir: string): string | undefined {
  const file = join(stackDir, LOCK_FILE);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/**
 * The dependency lock file every stack of a run shares. Every stack pins the same provider
 * (root.ts), so one lock file fits all of them:
 *  - committed (`environments/providers/<tofu|terraform>.terraform.lock.hcl`, written by `infra lock`):
 *    copied into each stack and verified (`init -lockfile=readonly`);
 *  - otherwise the first init of the run writes it (from the registry's checksums) and every other
 *    stack gets a copy before its init. With the checksums already in the lock file, Terraform and
 *    OpenTofu use the shared plugin cache instead of downloading the provider again, so
 *    TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE is never needed;
 *  - `deploy --from-plan` starts from the lock file recorded with the plans, verified too.
 */
export class SharedLock {
  private content: string | undefined;
  constructor(
    /** Committed lock file, if the repository has one. */
    readonly committed: string | undefined,
    /** Lock file to start from (recorded with saved plans). */
    initial?: string,
    /** Verify instead of update: `-lockfile=readonly`. */
    private readonly verify = false,
  ) {
    this.content = committed ?? initial;
  }

  get current(): string | undefined {
    return this.content;
  }

  /** Puts the shared lock file into the stack; returns the extra init arguments. */
  prepare(stackDir: string): string[] {
    if (this.content !== undefined && lockIn(stackDir) !== this.content) writeFileSync(join(stackDir, LOCK_FILE), this.content);
    return this.content !== undefined && (this.committed !== undefined || this.verify) ? ["-lockfile=readonly"] : [];
  }

  /** After a successful init: the first lock file of the run becomes the shared one. */
  learn(stackDir: string): void {
    if (this.content === undefined) this.content = lockIn(stackDir);
  }

  /** Copies the shared lock file somewhere (saved with the plans). */
  saveTo(file: string): void {
    if (this.content !== undefined) writeFileSync(file, this.content);
  }
}

/** The committed lock file for a binary flavour, if present. */
export function committedLockPath(workspaceRoot: string, binary: TfBinary): string {
  return join(workspaceRoot, "environments", "providers", `${binary.flavor}.terraform.lock.hcl`);
}

export function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

export function copyIfExists(from: string, to: string): void {
  if (existsSync(from)) copyFileSync(from, to);
}
