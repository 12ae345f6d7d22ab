import type { BuilderRegistry, StackBuilder } from "@infra/core";

/**
 * A workload's registry: its builders under the keys its modules name, `<workload>/<name>`
 * (`workloadModules` derives the same keys from the module ids).
 */
export function workloadBuilders(workload: string, builders: Readonly<Record<string, StackBuilder>>): BuilderRegistry {
  return Object.fromEntries(Object.entries(builders).map(([name, build]) => [`${workload}/${name}`, build]));
}
