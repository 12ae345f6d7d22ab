import type { DeploymentConfig, EnvConfig } from "./define";
import { deploymentIdOf } from "./naming";

/** What else `onlyWorkloads` keeps. */
export interface OnlyWorkloadsOptions {
  /**
   * Deployments of other workloads kept anyway, with their workload's config and Lambda concurrency
   * allocation: the owner of something a kept workload depends on (atlas's app deploy role trusts the
   * platform's GitHub OIDC provider, owned by security/ci-access).
   * @default none
   */
  readonly alsoKeep?: (deployment: DeploymentConfig) => boolean;
}

/**
 * The env with only some of its workloads: their env config, deployments and Lambda concurrency
 * allocations, their tags, and the env waivers that still have a deployment to name. An env waiver
 * naming deployments by id (ADR 0120) must name deployments that exist, so a waiver of a workload
 * left out goes with it; one that names no deployments applies env-wide and stays.
 */
export function onlyWorkloads(env: EnvConfig, names: readonly string[], options: OnlyWorkloadsOptions = {}): EnvConfig {
  const { alsoKeep } = options;
  const kept = (d: DeploymentConfig) => names.includes(d.definition.workload) || (alsoKeep?.(d) ?? false);
  const workloads = new Set([...names, ...env.regions.flatMap((r) => r.deployments.filter(kept).map((d) => d.definition.workload))]);
  const keep = (workload: string) => workloads.has(workload);
  const regions = env.regions.map((r) => ({
    ...r,
    deployments: r.deployments.filter(kept),
    // The other workloads' Lambda concurrency budget goes with them (region.ts names only enabled workloads).
    ...(r.reservedConcurrency ? { reservedConcurrency: Object.fromEntries(Object.entries(r.reservedConcurrency).filter(([w]) => keep(w))) } : {}),
    ...(r.workloads ? { workloads: Object.fromEntries(Object.entries(r.workloads).filter(([w]) => keep(w))) } : {}),
  }));
  const ids = new Set(regions.flatMap((r) => r.deployments.map((d) => deploymentIdOf(d.definition, r.region))));
  return {
    ...env,
    workloads: Object.fromEntries(Object.entries(env.workloads).filter(([w]) => keep(w))),
    regions,
    ...(env.waivers ? { waivers: env.waivers.filter((w) => !w.deployments || w.deployments.every((id) => ids.has(id))) } : {}),
  };
}
