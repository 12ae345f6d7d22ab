/**
 * `npm run bench`: cold synth of every env (separate processes, no Nx cache) against the stock
 * `cdktf init` TypeScript path, in the same run. Prints a table; `--json` prints the raw figures.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeBaselineProject } from "./baseline";
import { type Measurement, measure } from "./measure";
import { formatValidateBench, validateBench, validateBenchSkipReason } from "./validate-bench";

const ROOT = resolve(__dirname, "..", "..", "..", "..");
const ENVS = ["dev", "staging", "uat", "prod"] as const;

interface Row {
  readonly name: string;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly stacks: number;
  readonly resources: number;
}

function countOutput(outdir: string): { stacks: number; resources: number } {
  const stacksDir = join(outdir, "stacks");
  let resources = 0;
  const names = readdirSync(stacksDir);
  for (const name of names) {
    const json = JSON.parse(readFileSync(join(stacksDir, name, "cdk.tf.json"), "utf8")) as { resource?: Record<string, object> };
    for (const byName of Object.values(json.resource ?? {})) resources += Object.keys(byName).length;
  }
  return { stacks: names.length, resources };
}

function check(m: Measurement, what: string): void {
  if (m.exitCode !== 0) throw new Error(`${what} failed (exit ${m.exitCode}):\n${m.stderr}`);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const env of ENVS) {
    const outdir = join(ROOT, ".bench", "out", env);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    const m = await measure(process.execPath, ["--import", "tsx", "--", `apps/${env}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.base.json", CDKTF_OUTDIR: outdir },
    });
    check(m, `synth ${env}`);
    rows.push({ name: env, wallMs: m.wallMs, peakRssMb: m.peakRssMb, ...countOutput(outdir) });
  }
  // `npm run synth`: every env in one process, each into its own cdktf.out.
  const all = await measure(process.execPath, ["apps/ops/scripts/run.cjs", "synth"], { cwd: ROOT });
  check(all, "synth of every env");
  const total: Row = {
    name: "all envs (npm run synth)",
    wallMs: all.wallMs,
    peakRssMb: all.peakRssMb,
    stacks: rows.reduce((s, r) => s + r.stacks, 0),
    resources: rows.reduce((s, r) => s + r.resources, 0),
  };

  const baselineDir = join(ROOT, ".bench", "cdktf-init-baseline");
  writeBaselineProject(baselineDir);
  const cdktf = join(ROOT, "node_modules", ".bin", "cdktf");
  const b = await measure(cdktf, ["synth"], {
    cwd: baselineDir,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1", CI: "1" },
  });
  check(b, "baseline cdktf synth");
  const baseline: Row = { name: "cdktf init baseline", wallMs: b.wallMs, peakRssMb: b.peakRssMb, ...countOutput(join(baselineDir, "cdktf.out")) };

  // tofu validate of prod, sequential vs parallel, cold vs warm plugin cache (needs `npm run toolchain`).
  const validateSkipped = validateBenchSkipReason(ROOT);
  const validate = validateSkipped ? [] : await validateBench(ROOT);

  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ rows, total, baseline, validate, validateSkipped }, null, 2)}\n`);
    return;
  }
  const fmt = (r: Row) =>
    `| ${r.name.padEnd(26)} | ${(r.wallMs / 1000).toFixed(2).padStart(7)} s | ${r.peakRssMb.toFixed(0).padStart(6)} MB | ${String(r.stacks).padStart(6)} | ${String(r.resources).padStart(9)} |`;
  const lines = [
    "| synth (cold, no Nx cache) |  wall   | peak RSS | stacks | resources |",
    "|---|---:|---:|---:|---:|",
    ...rows.map(fmt),
    fmt(total),
    fmt(baseline),
    "",
    `all envs vs baseline: ${((100 * total.wallMs) / baseline.wallMs).toFixed(0)}% of the time (bar: < 33%), ` +
      `${((100 * total.peakRssMb) / baseline.peakRssMb).toFixed(0)}% of the peak memory (bar: < 25%)`,
    "(per-env rows: each env app in its own process, as `nx run <env>:synth` runs it; all envs: one process, as `npm run synth` runs it)",
    "",
    ...(validateSkipped ? [`validate figures skipped: ${validateSkipped}`] : formatValidateBench(validate)),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
