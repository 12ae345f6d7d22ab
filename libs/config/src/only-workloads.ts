import type { EnvConfig } from "./define";
import { deploymentIdOf } from "./naming";

/**
 * The env with only some of its workloads: their env config, deployments and Lambda concurrency
 * allocations, their tags, and the env waivers that still have a deployment to name. An env waiver
 * naming deployments by id (ADR 0120) must name deployments that exist, so a waiver of a workload
 * left out goes with it; one that names no deployments applies env-wide and stays.
 */
export function onlyWorkloads(env: EnvConfig, names: readonly string[]): EnvConfig {
  const keep = (workload: string) => names.includes(workload);
  const regions = env.regions.map((r) => ({
    ...r,
    deployments: r.deployments.filter((d) => keep(d.definition.workload)),
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
