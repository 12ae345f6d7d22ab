import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { measure } from "../bench/measure";
import { goDirective, parseReplaces, throwawayModule } from "./gomod";

/** sha256 of a file, read in chunks (the provider binary is hundreds of MB). */
export function sha256File(file: string): string {
  const hash = createHash("sha256");
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(4 * 1024 * 1024);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/** Environment of every go call: the pinned Go only (never a downloaded toolchain), static binaries, module mode. */
export function goEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, GOTOOLCHAIN: "local", CGO_ENABLED: "0", GOFLAGS: "-mod=mod -buildvcs=false" };
}

export interface ModuleInfo {
  /** The resolved version: a tag, or the pseudo-version the proxy returns for a commit. */
  readonly version: string;
  /** The module's go.mod, from the module cache. */
  readonly goMod: string;
  /** The unpacked module in the module cache. */
  readonly dir: string;
}

/** `go mod download -json module@query`: a tag, pseudo-version or commit. Throws with the proxy's own answer. */
export function downloadModule(module: string, query: string, go = "go"): ModuleInfo {
  const r = spawnSync(go, ["mod", "download", "-json", `${module}@${query}`], { env: goEnv(), encoding: "utf8", cwd: tmpdir() });
  const info = (() => {
    try {
      return JSON.parse(r.stdout || "{}") as { Version?: string; GoMod?: string; Dir?: string; Error?: string };
    } catch {
      return {};
    }
  })();
  if (r.status !== 0 || info.Error || !info.GoMod || !info.Dir || !info.Version) {
    const why = (info.Error ?? r.stderr ?? "").trim() || `exit ${r.status}`;
    throw new Error(`the Go module proxy did not serve ${module}@${query}: ${why}`);
  }
  return { version: info.Version, goMod: readFileSync(info.GoMod, "utf8"), dir: info.Dir };
}

export interface BuildResult {
  readonly sha256: string;
  readonly seconds: number;
  /** Peak of the summed resident memory of `go build` and every compiler/linker process under it. */
  readonly peakRssMb: number;
}

function run(go: string, args: string[], cwd: string, what: string): void {
  const r = spawnSync(go, args, { cwd, env: goEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${what} failed (go ${args.join(" ")}, exit ${r.status}):\n${(r.stderr || r.error?.message || "").trim()}`);
}

/**
 * Build `program` from `module@info.version` into `out`, in a throwaway module (deleted afterwards)
 * that repeats the module's replace directives. `go mod tidy` fetches the dependency graph first, so the
 * measured build is compile and link only.
 */
export async function buildProgram(opts: {
  module: string;
  info: ModuleInfo;
  program: string;
  ldflags: string;
  out: string;
  go?: string;
}): Promise<BuildResult> {
  const go = opts.go ?? "go";
  const work = mkdtempSync(join(tmpdir(), "infra-toolchain-build-"));
  try {
    const files = throwawayModule({
      module: opts.module,
      version: opts.info.version,
      program: opts.program,
      goVersion: goDirective(opts.info.goMod) ?? "1.22",
      replaces: parseReplaces(opts.info.goMod, `${opts.module}@${opts.info.version}/go.mod`),
    });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
    run(go, ["mod", "tidy"], work, `resolving the dependencies of ${opts.module}`);
    mkdirSync(dirname(opts.out), { recursive: true });
    const tmpOut = `${opts.out}.partial`;
    const m = await measure(go, ["build", "-trimpath", `-ldflags=${opts.ldflags}`, "-o", tmpOut, opts.program], {
      cwd: work,
      env: goEnv(),
      intervalMs: 250,
    });
    if (m.exitCode !== 0) throw new Error(`building ${opts.program} failed (exit ${m.exitCode}):\n${m.stderr.trim()}`);
    // Renamed into place only when complete: an interrupted build never leaves a half binary in the cache.
    renameSync(tmpOut, opts.out);
    return { sha256: sha256File(opts.out), seconds: m.wallMs / 1000, peakRssMb: m.peakRssMb };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
