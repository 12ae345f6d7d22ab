import type { EnvConfig } from "@infra/config";

/**
 * The real env with only the timeline enabled: its own deployments, settings, waivers and regions,
 * so tests see exactly what the timeline synthesizes (and no other workload's work in progress).
 */
export function timelineOnly(env: EnvConfig): EnvConfig {
  return {
    ...env,
    workloads: { timeline: env.workloads["timeline"] },
    regions: env.regions.map((r) => ({
      ...r,
      deployments: r.deployments.filter((d) => d.definition.workload === "timeline"),
      // The other workloads' Lambda concurrency budget goes with them (region.ts names only enabled workloads).
      ...(r.reservedConcurrency ? { reservedConcurrency: Object.fromEntries(Object.entries(r.reservedConcurrency).filter(([w]) => w === "timeline")) } : {}),
    })),
  };
}
