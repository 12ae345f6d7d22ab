import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type EnvConfig, validateEnvSet } from "@infra/config";
import { buildEnv } from "@infra/workloads";
import { resolve } from "node:path";
import { WORKSPACE_ROOT } from "./run";

/**
 * Synthesize every env in this one process, each into its own app's cdktf.out. One process loads the
 * libraries once: the whole repo synthesizes in about the time one env app takes on its own.
 * Every env is resolved (and so validated) before any stack is built.
 */
export function synthAll(envs: readonly EnvConfig[], outdirOf: (env: string) => string = defaultOutdir): { env: string; stacks: number; preflightFindings: number }[] {
  validateEnvSet(envs);
  const findings = new Map<string, number>();
  const built = envs.map((env) =>
    buildEnv(env, {
      root,
      workloads: WORKLOADS,
      outdir: outdirOf(env.name),
      preflight: { onReport: (r) => findings.set(env.name, (findings.get(env.name) ?? 0) + r.results.filter((x) => x.status === "failed").length) },
    }),
  );
  return built.map(({ app, resolved }) => {
    app.synth();
    return { env: resolved.name, stacks: resolved.deployments.length, preflightFindings: findings.get(resolved.name) ?? 0 };
  });
}

function defaultOutdir(env: string): string {
  return resolve(WORKSPACE_ROOT, "apps", env, "cdktf.out");
}
