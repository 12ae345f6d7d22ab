import type { ResolvedDeployment, ResolvedEnv } from "@infra/config";
import { UsageError } from "../envs";
import { didYouMean } from "../suggest";

/** Which stacks of an env a command touches (issue 12.4 / 15.13). Every list is "any of". */
export interface StackFilter {
  /** Stack names (`dev-us-east-1-network-vpc`) or deployment ids (`us-east-1/network/vpc`). @default every stack */
  readonly stacks: readonly string[];
  /** Only these workloads (`platform`, `aerologue`, …). @default every workload */
  readonly workloads: readonly string[];
  /** Only these regions. @default every region */
  readonly regions: readonly string[];
  /** Add every stack the selection depends on, transitively (applied before them). @default false */
  readonly withDependencies: boolean;
  /** Add every stack that depends on the selection, transitively (destroyed before them). @default false */
  readonly withDependents: boolean;
}

export const NO_FILTER: StackFilter = { stacks: [], workloads: [], regions: [], withDependencies: false, withDependents: false };

export function isWholeEnv(filter: StackFilter): boolean {
  return !filter.stacks.length && !filter.workloads.length && !filter.regions.length;
}

/** Deployment id → ids it depends on. */
export function dependencyMap(env: ResolvedEnv): Map<string, string[]> {
  return new Map(env.deployments.map((d) => [d.id, [...new Set(Object.values(d.dependencies))]]));
}

/** Deployment id → ids that depend on it. */
export function dependentMap(env: ResolvedEnv): Map<string, string[]> {
  const out = new Map<string, string[]>(env.deployments.map((d) => [d.id, []]));
  for (const [id, deps] of dependencyMap(env)) for (const dep of deps) out.get(dep)?.push(id);
  return out;
}

function closure(start: Iterable<string>, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  return seen;
}

/** The deployments a filter selects, in deploy order (dependencies first). Mistakes are UsageErrors with a suggestion. */
export function selectDeployments(env: ResolvedEnv, filter: StackFilter): ResolvedDeployment[] {
  const all = env.deployments;
  const names = all.map((d) => d.stackName);
  const byName = new Map(
    all.flatMap(
      (d) =>
        [
          [d.stackName, d],
          [d.id, d],
        ] as const,
    ),
  );
  const chosen = new Set<string>();
  for (const name of filter.stacks) {
    const hit = byName.get(name);
    if (!hit) throw new UsageError(`no stack ${JSON.stringify(name)} in ${env.name}${didYouMean(name, names)} (list them: infra stacks --env ${env.name})`);
    chosen.add(hit.id);
  }
  const workloads = [...new Set(all.map((d) => d.workload))];
  for (const w of filter.workloads) {
    if (!workloads.includes(w)) throw new UsageError(`--workload ${JSON.stringify(w)}: ${env.name} runs ${workloads.join(", ")}${didYouMean(w, workloads)}`);
  }
  const regions: string[] = env.regions.map((r) => r.name);
  for (const r of filter.regions) {
    if (!regions.includes(r)) throw new UsageError(`--region ${JSON.stringify(r)}: ${env.name} has ${regions.join(", ")}${didYouMean(r, regions)}`);
  }
  let ids = all
    .filter((d) => !filter.stacks.length || chosen.has(d.id))
    .filter((d) => !filter.workloads.length || filter.workloads.includes(d.workload))
    .filter((d) => !filter.regions.length || filter.regions.includes(d.region.name as string))
    .map((d) => d.id);
  if (!ids.length) {
    throw new UsageError(`no stack of ${env.name} matches ${describeFilter(filter)}`);
  }
  if (filter.withDependencies) ids = [...closure(ids, dependencyMap(env))];
  if (filter.withDependents) ids = [...closure(ids, dependentMap(env))];
  const keep = new Set(ids);
  return all.filter((d) => keep.has(d.id));
}

export function describeFilter(filter: StackFilter): string {
  return [
    ...filter.stacks.map((s) => `--stack ${s}`),
    ...filter.workloads.map((w) => `--workload ${w}`),
    ...filter.regions.map((r) => `--region ${r}`),
    ...(filter.withDependencies ? ["--with-dependencies"] : []),
    ...(filter.withDependents ? ["--with-dependents"] : []),
  ].join(" ");
}

/**
 * The edges a run waits on, restricted to the selection: stack → stacks that must finish first.
 * Dependencies outside the selection are assumed to be in place already. `reverse` (destroy)
 * makes every stack wait for its dependents instead.
 */
export function waitsFor(env: ResolvedEnv, selected: readonly ResolvedDeployment[], reverse: boolean): Map<string, string[]> {
  const keep = new Set(selected.map((d) => d.id));
  const edges = reverse ? dependentMap(env) : dependencyMap(env);
  const nameOf = new Map(env.deployments.map((d) => [d.id, d.stackName]));
  return new Map(selected.map((d) => [d.stackName, (edges.get(d.id) ?? []).filter((id) => keep.has(id)).map((id) => nameOf.get(id)!)]));
}

/** Dependency level of each selected stack: 0 = waits for nothing in the selection. */
export function levels(order: readonly string[], waits: Map<string, string[]>): Map<string, number> {
  const level = new Map<string, number>();
  const visit = (s: string): number => {
    const known = level.get(s);
    if (known !== undefined) return known;
    const l = Math.max(-1, ...(waits.get(s) ?? []).map(visit)) + 1;
    level.set(s, l);
    return l;
  };
  order.forEach(visit);
  return level;
}
