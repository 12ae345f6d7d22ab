import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type ResolvedEnv, resolveEnv } from "@infra/config";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import { ENVS, UsageError, findEnv } from "./envs";
import { WORKSPACE_ROOT } from "./run";

/** One stack of the env, placed in its layer (longest dependency path from a root). */
export interface GraphNode {
  readonly stack: string;
  readonly region: string;
  readonly workload: string;
  /** `category/module`: the box label (the region is the colour). */
  readonly label: string;
  readonly layer: number;
  /** Position within the layer, top to bottom. */
  readonly row: number;
}

/** `from` must be deployed before `to` (`to` depends on `from`). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

export interface StackGraph {
  readonly env: string;
  readonly regions: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly layers: number;
}

/**
 * The env's stacks and their dependencies as a layered DAG: layer = longest path from a stack with
 * no dependencies; within a layer, grouped by region (env order), then ordered by the mean row of
 * their dependencies (two barycenter sweeps) to keep edges short. Pure and deterministic.
 */
export function stackGraph(env: ResolvedEnv): StackGraph {
  const byId = new Map(env.deployments.map((d) => [d.id, d]));
  const edges: GraphEdge[] = env.deployments
    .flatMap((d) => Object.values(d.dependencies).map((dep) => ({ from: byId.get(dep)!.stackName, to: d.stackName })))
    .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to))
    .filter((e, i, all) => i === 0 || e.from !== all[i - 1]!.from || e.to !== all[i - 1]!.to);

  // Deployments are in deploy (topological) order, so one pass computes the longest path.
  const layerOf = new Map<string, number>();
  for (const d of env.deployments) {
    const deps = Object.values(d.dependencies).map((id) => layerOf.get(byId.get(id)!.stackName)!);
    layerOf.set(d.stackName, deps.length ? Math.max(...deps) + 1 : 0);
  }
  const regions = env.regions.map((r) => r.name as string);
  const regionIndex = (r: string) => regions.indexOf(r);
  const layers = Math.max(0, ...layerOf.values()) + 1;
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const e of edges) {
    parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
    children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
  }

  const columns: (typeof env.deployments)[number][][] = Array.from({ length: layers }, () => []);
  for (const d of env.deployments) columns[layerOf.get(d.stackName)!]!.push(d);
  const rowOf = new Map<string, number>();
  const place = (column: (typeof env.deployments)[number][], key: (stack: string) => number) => {
    column.sort((a, b) => regionIndex(a.region.name) - regionIndex(b.region.name) || key(a.stackName) - key(b.stackName) || cmp(a.stackName, b.stackName));
    column.forEach((d, i) => rowOf.set(d.stackName, i));
  };
  const mean = (stacks: readonly string[] | undefined, fallback: number) => {
    const rows = (stacks ?? []).map((s) => rowOf.get(s)).filter((r): r is number => r !== undefined);
    return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : fallback;
  };
  for (const column of columns) place(column, () => 0);
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const column of columns.slice(1)) place(column, (s) => mean(parents.get(s), rowOf.get(s)!));
    for (const column of columns.slice(0, -1).reverse()) place(column, (s) => mean(children.get(s), rowOf.get(s)!));
  }

  const nodes = columns.flatMap((column, layer) =>
    column.map((d) => ({
      stack: d.stackName,
      region: d.region.name as string,
      workload: d.workload,
      label: `${d.category}/${d.module}`,
      layer,
      row: rowOf.get(d.stackName)!,
    })),
  );
  return { env: env.name, regions, nodes, edges, layers };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Mermaid flowchart: one subgraph per region, arrows in deploy order. */
export function toMermaid(graph: StackGraph): string {
  const id = new Map(graph.nodes.map((n, i) => [n.stack, `s${i}`]));
  const lines = ["flowchart LR"];
  graph.regions.forEach((region, i) => {
    const inRegion = graph.nodes.filter((n) => n.region === region);
    if (!inRegion.length) return;
    lines.push(`  subgraph ${region.replace(/-/g, "_")}["${region}"]`);
    for (const n of inRegion) lines.push(`    ${id.get(n.stack)}["${n.label}"]:::r${i}`);
    lines.push("  end");
  });
  for (const e of graph.edges) lines.push(`  ${id.get(e.from)} --> ${id.get(e.to)}`);
  graph.regions.forEach((_, i) => {
    const c = REGION_COLOURS[i % REGION_COLOURS.length]!;
    lines.push(`  classDef r${i} fill:${c.fill},stroke:${c.stroke},color:#1f2328`);
  });
  return `${lines.join("\n")}\n`;
}

const REGION_COLOURS = [
  { fill: "#dbeafe", stroke: "#2563eb" },
  { fill: "#dcfce7", stroke: "#16a34a" },
  { fill: "#fef3c7", stroke: "#d97706" },
  { fill: "#fce7f3", stroke: "#db2777" },
  { fill: "#ede9fe", stroke: "#7c3aed" },
];

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * The graph as a standalone SVG: layers left to right, one box per stack (label `category/module`,
 * fill by region, the stack name as tooltip), cubic edges with arrowheads from a dependency to its
 * dependents, a legend. Every number is rounded, so the output is byte-stable.
 */
export function toSvg(graph: StackGraph): string {
  const charWidth = 6.6;
  const boxH = 26;
  const rowGap = 10;
  const colGap = 90;
  const margin = 20;
  const headerH = 56;
  const boxW = Math.ceil(Math.max(120, ...graph.nodes.map((n) => n.label.length * charWidth + 20)));
  const rows = Math.max(1, ...graph.nodes.map((n) => n.row + 1));
  const width = margin * 2 + graph.layers * boxW + (graph.layers - 1) * colGap;
  const height = headerH + margin + rows * (boxH + rowGap);
  const x = (layer: number) => margin + layer * (boxW + colGap);
  const y = (row: number) => headerH + row * (boxH + rowGap);
  const pos = new Map(graph.nodes.map((n) => [n.stack, n]));
  const colour = (region: string) => REGION_COLOURS[graph.regions.indexOf(region) % REGION_COLOURS.length]!;
  const r = (n: number) => Math.round(n * 10) / 10;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
  );
  out.push(`<title>${escapeXml(`${graph.env}: ${graph.nodes.length} stacks, ${graph.edges.length} dependencies`)}</title>`);
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#57606a"/></marker></defs>',
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${margin}" y="22" font-size="14" font-weight="bold" fill="#1f2328">${escapeXml(`${graph.env}: ${graph.nodes.length} stacks, ${graph.edges.length} dependencies (arrows in deploy order)`)}</text>`,
  );
  let lx = margin;
  for (const region of graph.regions) {
    const c = colour(region);
    out.push(
      `<g class="legend"><rect x="${lx}" y="32" width="14" height="12" rx="2" fill="${c.fill}" stroke="${c.stroke}"/><text x="${lx + 18}" y="42" fill="#1f2328">${escapeXml(region)}</text></g>`,
    );
    lx += 18 + Math.ceil(region.length * charWidth) + 24;
  }
  out.push('<g class="edges" fill="none" stroke="#8c959f" stroke-width="1">');
  for (const e of graph.edges) {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const x1 = x(a.layer) + boxW;
    const y1 = y(a.row) + boxH / 2;
    const x2 = x(b.layer);
    const y2 = y(b.row) + boxH / 2;
    const dx = r((x2 - x1) / 2);
    out.push(
      `<path d="M ${r(x1)} ${r(y1)} C ${r(x1 + dx)} ${r(y1)}, ${r(x2 - dx)} ${r(y2)}, ${r(x2)} ${r(y2)}" marker-end="url(#arrow)" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"/>`,
    );
  }
  out.push("</g>");
  out.push('<g class="stacks">');
  for (const n of graph.nodes) {
    const c = colour(n.region);
    out.push(
      `<g data-stack="${escapeXml(n.stack)}"><title>${escapeXml(n.stack)}</title><rect x="${x(n.layer)}" y="${y(n.row)}" width="${boxW}" height="${boxH}" rx="4" fill="${c.fill}" stroke="${c.stroke}"/><text x="${x(n.layer) + 8}" y="${y(n.row) + 17}" fill="#1f2328">${escapeXml(n.label)}</text></g>`,
    );
  }
  out.push("</g>");
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/** The command's text summary: per layer, the stacks (and what they wait for). */
export function graphSummary(graph: StackGraph): string {
  const lines = [`${graph.env}: ${graph.nodes.length} stacks, ${graph.edges.length} dependencies, ${graph.layers} layers (longest dependency chain)`];
  for (let layer = 0; layer < graph.layers; layer++) {
    const inLayer = graph.nodes.filter((n) => n.layer === layer);
    lines.push(`  layer ${layer}: ${inLayer.length} stacks`);
  }
  const perRegion = graph.regions.map((r) => `${r} ${graph.nodes.filter((n) => n.region === r).length}`);
  lines.push(`  stacks per region: ${perRegion.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export type GraphFormat = "mermaid" | "svg";

/** What `infra graph` writes: the rendering in the format asked (or implied by the file name). */
export function renderGraph(
  env: ResolvedEnv,
  options: { format?: string | undefined; out?: string | undefined },
): { format: GraphFormat; text: string; graph: StackGraph } {
  const format = options.format ?? (options.out ? (options.out.endsWith(".svg") ? "svg" : "mermaid") : "mermaid");
  if (format !== "mermaid" && format !== "svg") throw new UsageError(`--format must be mermaid | svg; got ${JSON.stringify(format)}`);
  const graph = stackGraph(env);
  return { format, text: format === "svg" ? toSvg(graph) : toMermaid(graph), graph };
}

/** `infra graph`: one env to stdout or --out; without --env every env to docs/graphs/<env>.svg. */
export function graphCommand(values: { env?: string | undefined; out?: string | undefined; format?: string | undefined }): number {
  const envs = values.env ? [findEnv(values.env)] : ENVS;
  if (!values.env && values.out) throw new UsageError("graph --out needs --env <env> (without --env every env is written to docs/graphs/<env>.svg)");
  for (const config of envs) {
    const env = resolveEnv(root, config, WORKLOADS);
    const out = values.out ?? (values.env ? undefined : `docs/graphs/${env.name}.${values.format === "mermaid" ? "mmd" : "svg"}`);
    const { text, graph } = renderGraph(env, { format: values.format ?? (values.env ? undefined : "svg"), out });
    if (!out) {
      process.stdout.write(text);
      continue;
    }
    const path = resolvePath(WORKSPACE_ROOT, out);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`${graphSummary(graph)}  wrote ${out}\n`);
  }
  return 0;
}
