import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type EnvConfig, validateEnvSet } from "@infra/config";
import type { PolicyReport } from "@infra/policy";
import { buildEnv, pruneStaleStacks, writePrerequisitesFile } from "@infra/workloads";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { WORKSPACE_ROOT } from "./run";

/**
 * Synthesize every env in this one process, each into its own app's cdktf.out. One process loads the
 * libraries once: the whole repo synthesizes in about the time one env app takes on its own.
 * Every env is resolved (and so validated) before any stack is built. Stack folders of deployments
 * that no longer exist are removed.
 */
export function synthAll(
  envs: readonly EnvConfig[],
  outdirOf: (env: string) => string = defaultOutdir,
): { env: string; stacks: number; removed: string[]; preflightFindings: number }[] {
  validateEnvSet(envs);
  const findings = new Map<string, number>();
  const countFindings = (env: string, failed: number) => findings.set(env, (findings.get(env) ?? 0) + failed);
  const built = envs.map((env) => {
    const outdir = outdirOf(env.name);
    mkdirSync(outdir, { recursive: true });
    const preflight = { onReport: (r: PolicyReport) => countFindings(env.name, r.results.filter((x) => x.status === "failed").length) };
    return { ...buildEnv(env, { root, workloads: WORKLOADS, outdir, preflight }), outdir };
  });
  return built.map(({ app, resolved, outdir }) => {
    app.synth();
    writePrerequisitesFile(outdir, app, resolved);
    const removed = pruneStaleStacks(
      outdir,
      resolved.deployments.map((d) => d.stackName),
    ).map((p) => p.stack);
    return { env: resolved.name, stacks: resolved.deployments.length, removed, preflightFindings: findings.get(resolved.name) ?? 0 };
  });
}

/** One line per env synthesized: stacks, stale stack folders removed, report-mode preflight findings. */
export function synthSummary(results: ReturnType<typeof synthAll>): string[] {
  return results.map(({ env, stacks, removed, preflightFindings }) => {
    const notes = [
      ...(removed.length ? [`removed stale ${removed.join(", ")}`] : []),
      ...(preflightFindings ? [`${preflightFindings} preflight findings in report mode: npm run policy -- --env ${env}`] : []),
    ];
    return `${env}: synthesized ${stacks} stacks to apps/${env}/cdktf.out${notes.length ? ` (${notes.join("; ")})` : ""}`;
  });
}

function defaultOutdir(env: string): string {
  return resolve(WORKSPACE_ROOT, "apps", env, "cdktf.out");
}
