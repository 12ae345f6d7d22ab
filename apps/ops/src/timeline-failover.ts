import { resolveEnv, type EnvConfig } from "@infra/config";
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { env as prod } from "@envs/prod";
import { env as staging } from "@envs/staging";
import { env as dev } from "@envs/dev";
import { spawnSync } from "node:child_process";
import { failoverPlan, failoverScript } from "@infra/timeline";

/**
 * Prints (default) or runs (--execute) the timeline DR failover of an env:
 *   npx tsx --tsconfig tsconfig.base.json apps/ops/src/timeline-failover.ts --env prod [--execute]
 */
const ENVS: Readonly<Record<string, EnvConfig>> = { dev, staging, prod };
const args = process.argv.slice(2);
const name = args[args.indexOf("--env") + 1];
const env = name !== undefined && args.includes("--env") ? ENVS[name] : undefined;
if (!env) {
  process.stderr.write(`usage: timeline-failover.ts --env <${Object.keys(ENVS).join("|")}> [--execute]\n`);
  process.exit(2);
}
try {
  const script = failoverScript(failoverPlan(resolveEnv(root, env, WORKLOADS)));
  if (args.includes("--execute")) {
    const run = spawnSync("bash", ["-c", script], { stdio: "inherit" });
    process.exit(run.status ?? 1);
  }
  process.stdout.write(script);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
