import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type ResolvedEnv, resolveEnv } from "@infra/config";
import { platformFailoverPlan, platformFailoverScript } from "@infra/platform";
import { failoverPlan, failoverScript } from "@infra/timeline";
import { spawnSync } from "node:child_process";
import { ENVS } from "./envs";

/** The DR failover script of each workload that has one, generated from an env's resolved config. */
export const FAILOVER_SCRIPTS: Readonly<Record<string, (env: ResolvedEnv) => string>> = {
  platform: (env) => platformFailoverScript(platformFailoverPlan(env)),
  timeline: (env) => failoverScript(failoverPlan(env)),
};

/**
 * Prints (default) or runs (--execute) a workload's DR failover of an env:
 *   npx tsx --tsconfig tsconfig.base.json apps/ops/src/failover.ts --workload platform --env prod [--execute]
 * The committed copies (docs/runbooks/<workload>-failover-<env>.sh) are checked against this output by tests.
 */
function main(args: readonly string[]): number {
  const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const workload = option("--workload");
  const env = ENVS.find((e) => e.name === option("--env"));
  const generate = workload === undefined ? undefined : FAILOVER_SCRIPTS[workload];
  if (!generate || !env) {
    process.stderr.write(
      `usage: failover.ts --workload <${Object.keys(FAILOVER_SCRIPTS).join("|")}> --env <${ENVS.map((e) => e.name).join("|")}> [--execute]\n`,
    );
    return 2;
  }
  const script = generate(resolveEnv(root, env, WORKLOADS));
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
