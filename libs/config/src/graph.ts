/** Dependency order of deployments: Terragrunt's `run --all` order. */

/**
 * Kahn's algorithm with a stable tie-break (the input order), so the deploy order is deterministic.
 * Returns the sorted ids, or the ids of one cycle when there is one.
 */
export function topoSort(ids: readonly string[], edges: ReadonlyMap<string, readonly string[]>): { order: string[] } | { cycle: string[] } {
  const indegree = new Map(ids.map((id) => [id, 0]));
  const dependents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    for (const dep of edges.get(id) ?? []) {
      indegree.set(id, (indegree.get(id) ?? 0) + 1);
      dependents.get(dep)?.push(id);
    }
  }
  const order: string[] = [];
  const ready = ids.filter((id) => indegree.get(id) === 0);
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of dependents.get(id) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) {
        // keep input order among ready nodes
        const pos = ready.findIndex((r) => ids.indexOf(r) > ids.indexOf(next));
        if (pos === -1) ready.push(next);
        else ready.splice(pos, 0, next);
      }
    }
  }
  if (order.length === ids.length) return { order };
  return {
    cycle: findCycle(
      ids.filter((id) => !order.includes(id)),
      edges,
    ),
  };
}

function findCycle(remaining: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[] {
  const inRemaining = new Set(remaining);
  const start = remaining[0]!;
  const path: string[] = [];
  const seen = new Map<string, number>();
  let node: string | undefined = start;
  while (node !== undefined && !seen.has(node)) {
    seen.set(node, path.length);
    path.push(node);
    node = (edges.get(node) ?? []).find((d) => inRemaining.has(d));
  }
  if (node === undefined) return remaining.slice();
  return [...path.slice(seen.get(node)!), node];
}
