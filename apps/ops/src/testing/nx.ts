import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..", "..", "..");
export const NX_ENV = { ...process.env, NX_DAEMON: "false", NX_NO_CLOUD: "true" };

export type NxTargets = Record<string, { outputs?: string[]; inputs?: unknown[]; dependsOn?: unknown[]; options?: { command?: string } }>;

/** The parts of `nx graph --file` the tests read. */
export interface NxGraph {
  readonly nodes: Record<string, { data: { root: string; targets: NxTargets } }>;
  readonly dependencies: Record<string, { target: string }[]>;
}

let graph: NxGraph | undefined;

/** The workspace's project graph as this repo's nx computes it: one Nx run per test worker, shared by the tests that read it. */
export function workspaceGraph(): NxGraph {
  if (!graph) {
    const dir = mkdtempSync(join(tmpdir(), "nx-graph-"));
    try {
      const r = spawnSync("npx", ["nx", "graph", `--file=${join(dir, "graph.json")}`], { cwd: ROOT, env: NX_ENV, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`nx graph failed: ${r.stderr}`);
      graph = (JSON.parse(readFileSync(join(dir, "graph.json"), "utf8")) as { graph: NxGraph }).graph;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return graph;
}

/**
 * The projects a change to `file` affects, read from the graph as `nx affected` computes them: the
 * project owning the file (the deepest root containing it) and every project that depends on it,
 * directly or not.
 */
export function affectedProjects(file: string, g: NxGraph = workspaceGraph()): string[] {
  const owner = Object.entries(g.nodes)
    .filter(([, n]) => n.data.root === "." || file.startsWith(`${n.data.root}/`))
    .sort(([, a], [, b]) => (b.data.root === "." ? 0 : b.data.root.length) - (a.data.root === "." ? 0 : a.data.root.length))[0]?.[0];
  if (!owner) return [];
  const dependents = new Map<string, string[]>();
  for (const [from, deps] of Object.entries(g.dependencies)) for (const d of deps) dependents.set(d.target, [...(dependents.get(d.target) ?? []), from]);
  const affected = new Set([owner]);
  const queue = [owner];
  while (queue.length) {
    for (const p of dependents.get(queue.pop()!) ?? []) {
      if (affected.has(p)) continue;
      affected.add(p);
      queue.push(p);
    }
  }
  return [...affected].sort();
}
