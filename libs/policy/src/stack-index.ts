import { referencesIn } from "./refs";
import type { Json, JsonObject, StackIndex, SynthResource, TerraformJson } from "./types";

interface Edge {
  from: SynthResource;
  to: string;
  /** Dotted attribute path inside `from`, array positions dropped (e.g. `vpc_config.subnet_ids`). */
  path: string;
}

/** Flatten the `resource` and `data` blocks of a synthesized stack into SynthResources. */
export function resourcesOf(tf: TerraformJson): SynthResource[] {
  const out: SynthResource[] = [];
  const add = (block: TerraformJson["resource"], mode: "managed" | "data") => {
    for (const [type, byName] of Object.entries(block ?? {})) {
      for (const [name, raw] of Object.entries(byName)) {
        const { "//": meta, ...values } = raw;
        const constructPath = (meta as { metadata?: { path?: string } } | undefined)?.metadata?.path;
        out.push({
          type,
          name,
          mode,
          address: `${mode === "data" ? "data." : ""}${type}.${name}`,
          values: values as JsonObject,
          ...(constructPath ? { constructPath } : {}),
        });
      }
    }
  };
  add(tf.resource, "managed");
  add(tf.data, "data");
  return out;
}

function collectEdges(resource: SynthResource, value: Json, path: string, into: Edge[]): void {
  if (typeof value === "string") {
    for (const ref of referencesIn(value)) into.push({ from: resource, to: ref.address, path });
  } else if (Array.isArray(value)) {
    for (const item of value) collectEdges(resource, item, path, into);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) collectEdges(resource, child, path ? `${path}.${key}` : key, into);
  }
}

/** Build the reference graph once per stack; rules query it. */
export function buildIndex(tf: TerraformJson, today: string): StackIndex {
  const resources = resourcesOf(tf);
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const edges: Edge[] = [];
  for (const r of resources) collectEdges(r, r.values, "", edges);
  const incoming = new Map<string, Edge[]>();
  for (const e of edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e]);

  return {
    today,
    resources,
    byAddress: (address) => byAddress.get(address),
    ofType: (type) => resources.filter((r) => r.type === type),
    referencing(target, type, attribute) {
      const seen = new Set<SynthResource>();
      for (const e of incoming.get(target.address) ?? []) {
        if (e.from.type !== type) continue;
        if (attribute && e.path !== attribute && !e.path.startsWith(`${attribute}.`)) continue;
        seen.add(e.from);
      }
      return [...seen];
    },
    resolve(value) {
      if (typeof value !== "string") return undefined;
      const ref = referencesIn(value)[0];
      return ref ? byAddress.get(ref.address) : undefined;
    },
  };
}
