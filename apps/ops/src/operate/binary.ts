import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { UsageError } from "../envs";
import { WORKSPACE_ROOT } from "../run";
import { cacheRoot, toolchainLayout } from "../toolchain/layout";
import { loadVersions } from "../toolchain/versions";

/** The Terraform-compatible CLI a run uses, as probed once at the start of the run. */
export interface TfBinary {
  /** What is executed: a name found on PATH, or a path. */
  readonly command: string;
  readonly flavor: "tofu" | "terraform";
  /** e.g. "1.12.6". */
  readonly version: string;
  /** "OpenTofu 1.12.6" / "Terraform 1.11.4", for messages. */
  readonly label: string;
}

/** Environment variable that names the binary when `--binary` is not given. */
export const BINARY_ENV = "INFRA_TF_BINARY";

/** Is `command` an executable on `PATH` (or an executable path)? */
export function onPath(command: string, path = process.env["PATH"] ?? ""): boolean {
  const candidates = command.includes("/")
    ? [command]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * `--binary`, else $INFRA_TF_BINARY, else `tofu` when it is on PATH, else the OpenTofu that
 * `npm run toolchain` built into its cache (docs/toolchain.md), else `terraform`.
 */
export function chooseBinary(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, builtTofu: string = toolchainTofu(env)): string {
  const named = flag ?? env[BINARY_ENV];
  if (named) return named;
  if (onPath("tofu", env["PATH"])) return "tofu";
  return onPath(builtTofu) ? builtTofu : "terraform";
}

/** Where `npm run toolchain` puts OpenTofu for the pinned versions (tools/toolchain/versions.json). */
function toolchainTofu(env: NodeJS.ProcessEnv): string {
  try {
    return toolchainLayout(loadVersions(WORKSPACE_ROOT), cacheRoot(env)).tofu;
  } catch {
    return "/nonexistent/tofu"; // no readable pin file: nothing built to fall back to
  }
}

/**
 * Runs `<command> version` and checks it against the root config's `required_version`
 * (`environments/root.ts` terraformVersion). Throws a one-line UsageError when the binary is
 * missing, unrecognised or too old, so no stack is touched by a CLI that would reject the config.
 */
export function probeBinary(command: string, required: string, env: NodeJS.ProcessEnv = process.env): TfBinary {
  const r = spawnSync(command, ["version"], { encoding: "utf8", env: { ...env, TF_IN_AUTOMATION: "1" } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `${command}: not found on PATH. Install OpenTofu or Terraform (${required}), or name one with --binary <path> or ${BINARY_ENV}.`
        : `${command}: could not run it (${r.error.message}).`,
    );
  }
  const match = /(OpenTofu|Terraform) v(\d+\.\d+\.\d+[\w.-]*)/.exec(`${r.stdout}\n${r.stderr}`);
  if (r.status !== 0 || !match) {
    throw new UsageError(`${command} version: not an OpenTofu or Terraform CLI (exit ${r.status}): ${firstLine(r.stdout || r.stderr)}`);
  }
  const flavor = match[1] === "OpenTofu" ? "tofu" : "terraform";
  const version = match[2]!;
  const label = `${match[1]} ${version}`;
  if (!satisfies(version, required)) {
    throw new UsageError(
      `${label} (${command}) does not satisfy required_version "${required}" (environments/root.ts terraformVersion): install a newer one or choose another with --binary.`,
    );
  }
  return { command, flavor, version, label };
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

type Version = [number, number, number];

function parse(version: string): Version {
  const [major = 0, minor = 0, patch = 0] = version
    .replace(/^v/, "")
    .split(/[.-]/)
    .map((p) => Number.parseInt(p, 10) || 0);
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Terraform's version constraint syntax: comma-separated `=`, `!=`, `>`, `>=`, `<`, `<=`, `~>`.
 * Pre-release suffixes are ignored (a 1.11.0-beta1 counts as 1.11.0).
 */
export function satisfies(version: string, constraint: string): boolean {
  const v = parse(version);
  return constraint
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
    .every((c) => {
      const m = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+){0,2})/.exec(c);
      if (!m) throw new UsageError(`required_version "${constraint}": cannot read the constraint "${c}".`);
      const op = m[1] ?? "=";
      const parts = m[2]!.split(".").length;
      const want = parse(m[2]!);
      const cmp = compare(v, want);
      switch (op) {
        case "=":
          return cmp === 0;
        case "!=":
          return cmp !== 0;
        case ">":
          return cmp > 0;
        case ">=":
          return cmp >= 0;
        case "<":
          return cmp < 0;
        case "<=":
          return cmp <= 0;
        default: {
          // ~> 1.10 allows 1.x >= 1.10; ~> 1.10.2 allows 1.10.x >= 1.10.2.
          if (cmp < 0) return false;
          return parts <= 2 ? v[0] === want[0] : v[0] === want[0] && v[1] === want[1];
        }
      }
    });
}
