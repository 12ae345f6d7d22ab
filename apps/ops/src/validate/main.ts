/**
 * `npm run validate`: `tofu init -backend=false` + `tofu validate -json` for every synthesized stack
 * of every env and of apps/bootstrap, with the toolchain built by `npm run toolchain` (the provider
 * from its filesystem mirror, one shared plugin cache), `--parallelism` stacks at a time.
 *
 *   npm run validate [-- --env prod[,dev,...,bootstrap]] [--no-bootstrap] [--parallelism N] [--no-synth]
 *                       [--fresh] [--plugin-cache DIR] [--if-toolchain] [--json]
 *
 * Exit codes: 0 every stack valid; 1 a stack failed (stack, address, diagnostic printed);
 * 3 the toolchain is not built (0 with --if-toolchain, which CI uses).
 */
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { WORKSPACE_ROOT } from "../run";
import { toolchainLayout, tofuEnv } from "../toolchain/layout";
import { loadVersions } from "../toolchain/versions";
import { formatDiagnostics } from "./diagnostics";
import { validateAll, type StackResult } from "./run";
import { discoverStacks, scheduleOrder } from "./stacks";
import { APPS_WITH_BOOTSTRAP, synthApps } from "./synth";

const ENV_APPS = APPS_WITH_BOOTSTRAP.filter((a) => a !== "bootstrap");
/** What --env accepts: an env, or bootstrap (apps/bootstrap, one stack per env account). */
const APPS: readonly string[] = APPS_WITH_BOOTSTRAP;
let log = (line: string): void => void process.stdout.write(`${line}\n`);

export function parseValidateArgs(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      env: { type: "string" },
      "no-bootstrap": { type: "boolean", default: false },
      parallelism: { type: "string" },
      "no-synth": { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      "plugin-cache": { type: "string" },
      "if-toolchain": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const envs = values.env ? values.env.split(",").map((e) => e.trim()) : [...ENV_APPS];
  const unknown = envs.filter((e) => !APPS.includes(e));
  if (unknown.length) throw new Error(`--env ${JSON.stringify(values.env)}: unknown env ${unknown.join(", ")}; must be among ${APPS.join(", ")}`);
  const parallelism = values.parallelism === undefined ? availableParallelism() : Number(values.parallelism);
  if (!Number.isInteger(parallelism) || parallelism < 1)
    throw new Error(`--parallelism must be a whole number >= 1, got ${JSON.stringify(values.parallelism)}`);
  // --env alone validates those envs; bootstrap comes with a whole run (no --env) unless --no-bootstrap.
  const apps = values.env || values["no-bootstrap"] ? envs : [...envs, "bootstrap"];
  return {
    apps,
    parallelism,
    synth: !values["no-synth"],
    fresh: values.fresh,
    pluginCache: values["plugin-cache"],
    ifToolchain: values["if-toolchain"],
    json: values.json,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const opts = parseValidateArgs(argv);
  // With --json, stdout is the JSON document only; progress lines go to stderr.
  if (opts.json) log = (line) => void process.stderr.write(`${line}\n`);
  const versions = loadVersions(WORKSPACE_ROOT);
  const layout = toolchainLayout(versions);
  const missing = [layout.tofu, layout.providerBinaries[0]!, layout.cliConfig].filter((f) => !existsSync(f));
  if (missing.length) {
    const why = versions.awsProvider.version
      ? "run `npm run toolchain` first"
      : `hashicorp/aws ${versions.awsProvider.release}: ${versions.awsProvider.unavailable}`;
    log(`validate: toolchain not built (${missing.join(", ")} missing); ${why}`);
    if (opts.ifToolchain) {
      log("validate: skipped (--if-toolchain)");
      return 0;
    }
    return 3;
  }
  if (opts.synth) synthApps(WORKSPACE_ROOT, (l) => process.stderr.write(`${l}\n`));
  const stacks = scheduleOrder(discoverStacks(WORKSPACE_ROOT, opts.apps));
  const pluginCache = opts.pluginCache ?? layout.pluginCache;
  mkdirSync(pluginCache, { recursive: true });
  const env = { ...tofuEnv(layout), TF_PLUGIN_CACHE_DIR: pluginCache };
  log(
    `validate: ${stacks.length} stacks of ${opts.apps.join(", ")}, ${opts.parallelism} at a time (tofu ${versions.opentofu.release}, hashicorp/aws ${versions.awsProvider.release})`,
  );
  const started = Date.now();
  const results = await validateAll(stacks, {
    tofu: layout.tofu,
    env,
    parallelism: opts.parallelism,
    fresh: opts.fresh,
    pluginCache,
    onDone: (r, n) => {
      const status = r.ok ? "ok  " : r.failedAt === "init" ? "INIT" : "FAIL";
      log(
        `[${String(n).padStart(3)}/${stacks.length}] ${status} ${r.stack.name} (init ${seconds(r.initMs)}, validate ${seconds(r.validateMs)}; ${seconds(Date.now() - started)} elapsed)`,
      );
    },
  });
  const wallMs = Date.now() - started;
  const failed = results.filter((r) => !r.ok);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(summaryJson(results, wallMs, opts.parallelism), null, 2)}\n`);
  } else {
    for (const r of failed) for (const l of failureLines(r)) log(l);
    const slowest = results.reduce((a, b) => (a.initMs + a.validateMs >= b.initMs + b.validateMs ? a : b), results[0]!);
    log(
      `validate: ${results.length - failed.length}/${results.length} stacks valid in ${seconds(wallMs)} ` +
        `(slowest stack ${slowest?.stack.name} ${seconds((slowest?.initMs ?? 0) + (slowest?.validateMs ?? 0))})`,
    );
  }
  return failed.length > 0 ? 1 : 0;
}

function failureLines(r: StackResult): string[] {
  if (r.failedAt === "init") return [`FAIL ${r.stack.app}/${r.stack.name}: tofu init failed`, ...(r.initOutput ?? "").split("\n").map((l) => `  ${l}`)];
  return formatDiagnostics(`${r.stack.app}/${r.stack.name}`, r.validate!);
}

export function summaryJson(results: readonly StackResult[], wallMs: number, parallelism: number) {
  return {
    wallMs,
    parallelism,
    stacks: results.map((r) => ({
      app: r.stack.app,
      stack: r.stack.name,
      ok: r.ok,
      initMs: Math.round(r.initMs),
      validateMs: Math.round(r.validateMs),
      ...(r.failedAt ? { failedAt: r.failedAt, initOutput: r.initOutput } : {}),
      diagnostics: r.validate?.diagnostics ?? [],
    })),
  };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`validate: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
