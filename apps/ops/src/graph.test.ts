import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { resolveEnv } from "@infra/config";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";
import { escapeXml, renderGraph, stackGraph, toMermaid, toSvg } from "./graph";

/** A small XML well-formedness check: one root, balanced tags, quoted unique attributes, known entities only. */
function checkXml(xml: string): void {
  let i = 0;
  const stack: string[] = [];
  let roots = 0;
  const name = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/;
  const text = (t: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(t)) throw new Error(`bad entity in ${JSON.stringify(t.slice(0, 60))}`);
    if (stack.length === 0 && t.trim() !== "") throw new Error(`text outside the root: ${JSON.stringify(t.slice(0, 60))}`);
  };
  if (xml.startsWith("<?xml")) i = xml.indexOf("?>") + 2;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) {
      text(xml.slice(i));
      break;
    }
    text(xml.slice(i, lt));
    if (xml.startsWith("<!--", lt)) {
      i = xml.indexOf("-->", lt) + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt === -1) throw new Error("unterminated tag");
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith("/")) {
      const closing = tag.slice(1).trim();
      if (stack.pop() !== closing) throw new Error(`mismatched </${closing}>`);
    } else {
      const selfClosing = tag.endsWith("/");
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = body.match(name);
      if (!m) throw new Error(`bad tag name in <${tag.slice(0, 40)}>`);
      let rest = body.slice(m[0].length);
      const seen = new Set<string>();
      while (rest.trim() !== "") {
        const a = rest.match(/^\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/);
        if (!a) throw new Error(`bad attribute syntax in <${tag.slice(0, 80)}>`);
        if (seen.has(a[1]!)) throw new Error(`duplicate attribute ${a[1]}`);
        seen.add(a[1]!);
        if (/&(?!(amp|lt|gt|quot|apos);)/.test(a[2]!)) throw new Error(`bad entity in attribute ${a[1]}`);
        rest = rest.slice(a[0].length);
      }
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(m[0]);
    }
    i = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

describe.each(ENVS.map((e) => [e.name, e] as const))("graph of %s", (_name, config) => {
  const env = resolveEnv(root, config, WORKLOADS);
  const graph = stackGraph(env);
  const svg = toSvg(graph);

  it("nodes are the env's stacks and edges exactly its resolved dependencies", () => {
    expect(graph.nodes.map((n) => n.stack).sort()).toEqual(env.deployments.map((d) => d.stackName).sort());
    const byId = new Map(env.deployments.map((d) => [d.id, d.stackName]));
    const deps = new Set(env.deployments.flatMap((d) => Object.values(d.dependencies).map((id) => `${byId.get(id)} -> ${d.stackName}`)));
    expect(new Set(graph.edges.map((e) => `${e.from} -> ${e.to}`))).toEqual(deps);
    // The SVG carries the same sets.
    expect(new Set([...svg.matchAll(/data-stack="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(env.deployments.map((d) => d.stackName)));
    expect(new Set([...svg.matchAll(/data-from="([^"]+)" data-to="([^"]+)"/g)].map((m) => `${m[1]} -> ${m[2]}`))).toEqual(deps);
  });

  it("layer = longest path from a root: every edge goes to a later layer, every non-root sits right after its deepest dependency", () => {
    const layer = new Map(graph.nodes.map((n) => [n.stack, n.layer]));
    for (const e of graph.edges) expect(layer.get(e.to)!).toBeGreaterThan(layer.get(e.from)!);
    for (const n of graph.nodes) {
      const parents = graph.edges.filter((e) => e.to === n.stack).map((e) => layer.get(e.from)!);
      expect(n.layer).toBe(parents.length ? Math.max(...parents) + 1 : 0);
    }
    // Rows are unique within a layer, and regions are contiguous (grouped) in each layer.
    for (let l = 0; l < graph.layers; l++) {
      const column = graph.nodes.filter((n) => n.layer === l).sort((a, b) => a.row - b.row);
      expect(column.map((n) => n.row)).toEqual(column.map((_, i) => i));
      const regions = column.map((n) => graph.regions.indexOf(n.region));
      expect(regions).toEqual([...regions].sort((a, b) => a - b));
    }
  });

  it("the SVG is well-formed XML with arrow markers, and the Mermaid text names every node and edge", () => {
    expect(() => checkXml(svg)).not.toThrow();
    expect(svg).toContain('<marker id="arrow"');
    expect(svg.match(/marker-end="url\(#arrow\)"/g) ?? []).toHaveLength(graph.edges.length);
    const mermaid = toMermaid(graph);
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    expect(mermaid.match(/ --> /g) ?? []).toHaveLength(graph.edges.length);
    expect(mermaid.match(/:::r\d/g) ?? []).toHaveLength(graph.nodes.length);
  });

  it("is deterministic", () => {
    const again = resolveEnv(root, config, WORKLOADS);
    expect(toSvg(stackGraph(again))).toBe(svg);
    expect(toMermaid(stackGraph(again))).toBe(toMermaid(graph));
  });
});

describe("graph rendering details", () => {
  it("the well-formedness check rejects broken XML", () => {
    expect(() => checkXml("<svg><g></svg>")).toThrow(/mismatched/);
    expect(() => checkXml('<svg a="1" a="2"/>')).toThrow(/duplicate/);
    expect(() => checkXml("<svg>a & b</svg>")).toThrow(/entity/);
    expect(() => checkXml("<a/><b/>")).toThrow(/2 root/);
  });

  it("escapes text, picks the format from --format or the file name, and refuses others", () => {
    expect(escapeXml(`<a & "b">'`)).toBe("&lt;a &amp; &quot;b&quot;&gt;&apos;");
    const env = resolveEnv(
      root,
      ENVS.find((e) => e.name === "uat")!,
      WORKLOADS,
    );
    expect(renderGraph(env, {}).format).toBe("mermaid");
    expect(renderGraph(env, { out: "x.svg" }).format).toBe("svg");
    expect(renderGraph(env, { out: "x.mmd" }).format).toBe("mermaid");
    expect(() => renderGraph(env, { format: "png" })).toThrow("--format must be mermaid | svg");
  });
});
