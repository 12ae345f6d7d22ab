/**
 * The validate figures of `npm run bench`: `tofu validate` of every prod stack, sequential vs parallel,
 * cold vs warm plugin cache, in one run, against the slowest single stack (goal: the whole of prod
 * in under 3x the slowest stack). Needs the toolchain (`npm run toolchain`); without it, says so and skips.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { toolchainLayout } from "../toolchain/layout";
import { loadVersions } from "../toolchain/versions";
import { measure } from "./measure";

interface ValidateRun {
  readonly wallMs: number;
  readonly stacks: readonly { readonly stack: string; readonly ok: boolean; readonly initMs: number; readonly validateMs: number }[];
}

export interface ValidateBenchRow {
  readonly name: string;
  readonly parallelism: number;
  readonly cache: "cold" | "warm";
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly stacks: number;
  readonly failed: number;
  /** The slowest single stack's init + validate in this run. */
  readonly slowestMs: number;
}

/** Why the validate bench cannot run here, or undefined when it can. */
export function validateBenchSkipReason(root: string): string | undefined {
  const versions = loadVersions(root);
  const layout = toolchainLayout(versions);
  const missing = [layout.tofu, layout.providerBinaries[0]!].filter((f) => !existsSync(f));
  if (missing.length === 0) return undefined;
  return versions.awsProvider.version
    ? `toolchain not built (${missing.join(", ")}): run npm run toolchain`
    : `hashicorp/aws ${versions.awsProvider.release} is not available from the Go module proxy (tools/toolchain/versions.json "unavailable")`;
}

async function runOnce(root: string, env: string, parallelism: number, pluginCache: string): Promise<{ run: ValidateRun; peakRssMb: number }> {
  const m = await measure(
    process.execPath,
    [
      "--import",
      "tsx",
      "--",
      "apps/ops/src/validate/main.ts",
      "--env",
      env,
      "--no-synth",
      "--fresh",
      "--json",
      "--parallelism",
      String(parallelism),
      "--plugin-cache",
      pluginCache,
    ],
    { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.base.json" }, intervalMs: 100 },
  );
  if (!m.stdout.trim().startsWith("{")) throw new Error(`validate --json printed no JSON (exit ${m.exitCode}):\n${m.stdout}\n${m.stderr}`);
  return { run: JSON.parse(m.stdout) as ValidateRun, peakRssMb: m.peakRssMb };
}

/** Sequential then parallel, each first with an empty plugin cache (cold) and then with the one it filled (warm). */
export async function validateBench(root: string, env = "prod"): Promise<ValidateBenchRow[]> {
  const rows: ValidateBenchRow[] = [];
  const cores = availableParallelism();
  for (const parallelism of [1, cores]) {
    const cache = mkdtempSync(join(tmpdir(), "bench-plugin-cache-"));
    try {
      for (const state of ["cold", "warm"] as const) {
        const { run, peakRssMb } = await runOnce(root, env, parallelism, cache);
        rows.push({
          name: `${env} ${parallelism === 1 ? "sequential" : `parallel x${parallelism}`}, ${state} plugin cache`,
          parallelism,
          cache: state,
          wallMs: run.wallMs,
          peakRssMb,
          stacks: run.stacks.length,
          failed: run.stacks.filter((s) => !s.ok).length,
          slowestMs: Math.max(...run.stacks.map((s) => s.initMs + s.validateMs)),
        });
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
  return rows;
}

export function formatValidateBench(rows: readonly ValidateBenchRow[]): string[] {
  const fmt = (r: ValidateBenchRow) =>
    `| ${r.name.padEnd(40)} | ${(r.wallMs / 1000).toFixed(1).padStart(7)} s | ${r.peakRssMb.toFixed(0).padStart(6)} MB | ${String(r.stacks).padStart(6)} | ${String(r.failed).padStart(6)} | ${(r.slowestMs / 1000).toFixed(1).padStart(6)} s | ${(r.wallMs / r.slowestMs).toFixed(1).padStart(5)}x |`;
  const seqWarm = rows.find((r) => r.parallelism === 1 && r.cache === "warm");
  const parWarm = rows.find((r) => r.parallelism > 1 && r.cache === "warm");
  return [
    "| validate (tofu init -backend=false + validate -json) | wall | peak RSS | stacks | failed | slowest stack | wall / slowest |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(fmt),
    "",
    seqWarm && parWarm
      ? `parallel vs sequential (warm): ${((100 * parWarm.wallMs) / seqWarm.wallMs).toFixed(0)}% of the time; goal: whole env < 3x the slowest stack (parallel warm: ${(parWarm.wallMs / parWarm.slowestMs).toFixed(1)}x)`
      : "",
  ];
}
