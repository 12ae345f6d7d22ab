import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type EnvConfig, type ResolvedEnv, resolveEnv } from "@infra/config";
import { atlasFailoverPlan, atlasFailoverScript } from "@infra/atlas";
import { platformFailoverPlan, platformFailoverScript } from "@infra/platform";
import { failoverPlan, failoverScript } from "@infra/timeline";
import { spawnSync } from "node:child_process";
import { ENVS } from "./envs";
import { withAtlasPhase } from "./preflight-variants";

/** The DR failover script of each workload that has one, generated from an env's resolved config. */
export const FAILOVER_SCRIPTS: Readonly<Record<string, (env: ResolvedEnv) => string>> = {
  atlas: (env) => atlasFailoverScript(atlasFailoverPlan(env)),
  platform: (env) => platformFailoverScript(platformFailoverPlan(env)),
  timeline: (env) => failoverScript(failoverPlan(env)),
};

/**
 * The env config a workload's script is generated from, when not the committed one. AccountabilityAtlas's
 * DR copy exists from phase 4 (ADR 0106): its script is the env's at phase 4, committed before the phase
 * change so the runbook holds it when the change lands (at an earlier phase its first step stops: no DR cluster).
 */
export const FAILOVER_ENVS: Readonly<Record<string, (env: EnvConfig) => EnvConfig>> = {
  atlas: (env) => withAtlasPhase(env, 4),
};

/** A workload's failover script of an env, as the CLI prints it and docs/runbooks/<workload>-failover-<env>.sh holds it. */
export function failoverScriptOf(workload: string, env: EnvConfig): string {
  const generate = FAILOVER_SCRIPTS[workload];
  if (!generate) throw new Error(`no failover script for ${workload}; known: ${Object.keys(FAILOVER_SCRIPTS).join(", ")}`);
  return generate(resolveEnv(root, (FAILOVER_ENVS[workload] ?? ((e: EnvConfig) => e))(env), WORKLOADS));
}

/**
 * Prints (default) or runs (--execute) a workload's DR failover of an env:
 *   npx tsx --tsconfig tsconfig.base.json apps/ops/src/failover.ts --workload platform --env prod [--execute]
 * The committed copies (docs/runbooks/<workload>-failover-<env>.sh) are checked against this output by tests.
 */
function main(args: readonly string[]): number {
  const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const workload = option("--workload");
  const env = ENVS.find((e) => e.name === option("--env"));
  if (workload === undefined || !FAILOVER_SCRIPTS[workload] || !env) {
    process.stderr.write(
      `usage: failover.ts --workload <${Object.keys(FAILOVER_SCRIPTS).join("|")}> --env <${ENVS.map((e) => e.name).join("|")}> [--execute]\n`,
    );
    return 2;
  }
  const script = failoverScriptOf(workload, env);
  if (!args.includes("--execute")) {
    process.stdout.write(script);
    return 0;
  }
  return spawnSync("bash", ["-c", script], { stdio: "inherit" }).status ?? 1;
}

if (process.argv[1]?.endsWith("failover.ts")) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
