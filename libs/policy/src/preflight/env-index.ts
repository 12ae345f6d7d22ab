/**
 * The env index: every stack of one env, in deploy order, with cdktf's cross-stack references
 * followed. A consumer reads `${data.terraform_remote_state.<x>.outputs.<name>}`; `<x>` is a remote
 * state whose `config.key` is the producer's backend key, and the producer declares
 * `output.<name> = { value = "${aws_kms_key.k.arn}" }`: the index resolves the consumer's value to
 * `aws_kms_key.k` in the producer, so a rule sees the key and its users together.
 */
import { buildIndex } from "../stack-index";
import type { Json, JsonObject, SynthResource } from "../types";
import { attributeValue } from "./attributes";
import type { Availability, EnvIndex, Located, PreflightFacts, PreflightStackInput, StackView, Target } from "./types";

const INTERPOLATION = /\$\{([^}]*)\}/g;
const REMOTE = /data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)/g;
// Same grammar as refs.ts, with positions: data.<type>.<name>.<attr> or <type>.<name>.<attr>.
const REFERENCE = /(?<![\w.-])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\.(\*|[A-Za-z_][\w-]*))?/g;
const NOT_RESOURCES = new Set(["var", "local", "module", "each", "count", "path", "self", "terraform"]);
const SINGLE_REFERENCE = /^(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\[0\])?((?:\.[A-Za-z_][\w-]*)*)$/;
const SINGLE_REMOTE = /^data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)$/;
const MAX_DEPTH = 6;

interface ProviderBlock {
  alias?: string;
  region?: string;
  allowed_account_ids?: string[];
}

function providers(json: PreflightStackInput["json"]): ProviderBlock[] {
  const aws = (json["provider"] as { aws?: ProviderBlock[] } | undefined)?.aws;
  return Array.isArray(aws) ? aws : [];
}

function backendKey(json: PreflightStackInput["json"]): string | undefined {
  return (json["terraform"] as { backend?: { s3?: { key?: string } } } | undefined)?.backend?.s3?.key;
}

/**
 * The state key a remote state reads: `config.key`, or, when `config` is an expression (a stack
 * planned before its producers falls back to an empty `inmem` state:
 * `${contains(...) ? tomap({..., key = "<key>", ...}) : tomap({})}`), the key written in it.
 */
function remoteStateKey(rs: JsonObject): string | undefined {
  const config = rs["config"];
  if (typeof config === "string") return /\bkey\s*=\s*"([^"]+)"/.exec(config)?.[1];
  const key = (config as JsonObject | undefined)?.["key"];
  return typeof key === "string" ? key : undefined;
}

/** Strings inside a JSON value, each with its dotted attribute path (array positions dropped). */
export function stringsIn(value: Json | undefined, path = ""): { path: string; value: string }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v) => stringsIn(v, path));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

export function buildEnvIndex(inputs: readonly PreflightStackInput[], options: { today: string; facts?: PreflightFacts }): EnvIndex {
  const byKey = new Map<string, string>();
  for (const s of inputs) {
    const key = backendKey(s.json);
    if (key) byKey.set(key, s.name);
  }
  const names = new Set(inputs.map((s) => s.name));
  /** remote state name → producer stack name, per consumer stack. */
  const producers = new Map<string, Map<string, string>>();
  for (const s of inputs) {
    const map = new Map<string, string>();
    const remote = (s.json.data?.["terraform_remote_state"] ?? {}) as Record<string, JsonObject>;
    for (const [name, rs] of Object.entries(remote)) {
      const key = remoteStateKey(rs);
      const byBackend = key ? byKey.get(key) : undefined;
      const byName = name.startsWith("cross-stack-reference-input-") ? name.slice("cross-stack-reference-input-".length) : undefined;
      const producer = byBackend ?? (byName && names.has(byName) ? byName : undefined);
      if (producer) map.set(name, producer);
    }
    producers.set(s.name, map);
  }

  const views: StackView[] = inputs.map((s, order) => {
    const blocks = providers(s.json);
    const main = blocks.find((p) => !p.alias) ?? blocks[0];
    const region = s.region ?? main?.region;
    const account = s.account ?? main?.allowed_account_ids?.[0];
    const aliasRegion = new Map(blocks.filter((p) => p.alias).map((p) => [`aws.${p.alias}`, p.region ?? region]));
    return {
      name: s.name,
      json: s.json,
      index: buildIndex(s.json, options.today),
      account,
      region,
      order,
      dependsOn: s.dependsOn ?? [...new Set(producers.get(s.name)!.values())],
      regionOf(resource: SynthResource) {
        // Provider 6's resource-level `region` argument overrides the provider's (one stack, several regions).
        const own = resource.values["region"];
        if (typeof own === "string" && /^[a-z]{2}(-[a-z]+)+-\d$/.test(own)) return own;
        const provider = resource.values["provider"];
        return typeof provider === "string" && aliasRegion.has(provider) ? aliasRegion.get(provider) : region;
      },
    };
  });
  const byName = new Map(views.map((v) => [v.name, v]));

  function output(producer: StackView, name: string): string | undefined {
    const value = (producer.json["output"] as Record<string, { value?: unknown }> | undefined)?.[name]?.value;
    return typeof value === "string" ? value : undefined;
  }

  function resolveString(from: StackView, value: string, depth: number): Target[] {
    const out: { at: number; targets: Target[] }[] = [];
    for (const m of value.matchAll(INTERPOLATION)) {
      const expression = m[1]!;
      const base = m.index!;
      let masked = expression;
      for (const r of expression.matchAll(REMOTE)) {
        masked = masked.slice(0, r.index) + " ".repeat(r[0].length) + masked.slice(r.index! + r[0].length);
        const producer = byName.get(producers.get(from.name)?.get(r[1]!) ?? "");
        if (!producer) continue;
        const produced = output(producer, r[2]!);
        if (produced === undefined) continue;
        const targets =
          !produced.includes("${") || depth >= MAX_DEPTH
            ? [{ stack: producer, address: `output.${r[2]}`, attribute: "", literal: produced }]
            : resolveString(producer, produced, depth + 1);
        out.push({ at: base + r.index!, targets });
      }
      for (const r of masked.matchAll(REFERENCE)) {
        const [, data, type, name, attribute] = r;
        if (NOT_RESOURCES.has(type!) || type === "terraform_remote_state") continue;
        const address = `${data ? "data." : ""}${type}.${name}`;
        const resource = from.index.byAddress(address);
        out.push({
          at: base + r.index!,
          targets: [{ stack: from, address, attribute: attribute === "*" ? "" : (attribute ?? ""), ...(resource ? { resource } : {}) }],
        });
      }
    }
    return out.sort((a, b) => a.at - b.at).flatMap((o) => o.targets);
  }

  function resolveAll(from: StackView, value: unknown): Target[] {
    if (typeof value === "string") return value.includes("${") ? resolveString(from, value, 0) : [];
    return stringsIn(value as Json).flatMap((s) => (s.value.includes("${") ? resolveString(from, s.value, 0) : []));
  }

  function renderExpression(from: StackView, expression: string, depth: number): string {
    const e = expression.trim();
    const placeholder = `⟨${e}⟩`;
    if (depth >= MAX_DEPTH) return placeholder;
    const remote = SINGLE_REMOTE.exec(e);
    if (remote) {
      const producer = byName.get(producers.get(from.name)?.get(remote[1]!) ?? "");
      const produced = producer ? output(producer, remote[2]!) : undefined;
      if (producer === undefined || produced === undefined) return placeholder;
      return render(producer, produced, depth + 1);
    }
    const single = SINGLE_REFERENCE.exec(e);
    if (!single || single[5]) return placeholder;
    const [, data, type, name, attribute] = single;
    const resource = from.index.byAddress(`${data ? "data." : ""}${type}.${name}`);
    if (!resource) return placeholder;
    const value = attributeValue({ stack: from, resource }, attribute!, (s, v) => render(s, v, depth + 1));
    return value ?? placeholder;
  }

  function render(from: StackView, value: string, depth = 0): string {
    return value.replace(INTERPOLATION, (_, expression: string) => renderExpression(from, expression, depth));
  }

  let incoming: Map<string, { from: Located; path: string }[]> | undefined;
  function edges(): Map<string, { from: Located; path: string }[]> {
    if (incoming) return incoming;
    incoming = new Map();
    for (const stack of views) {
      for (const resource of stack.index.resources) {
        for (const s of stringsIn(resource.values)) {
          if (!s.value.includes("${")) continue;
          for (const t of resolveString(stack, s.value, 0)) {
            const key = `${t.stack.name}/${t.address}`;
            const list = incoming.get(key) ?? [];
            list.push({ from: { stack, resource }, path: s.path });
            incoming.set(key, list);
          }
        }
      }
    }
    return incoming;
  }

  function closure(stack: StackView, seen = new Set<string>()): Set<string> {
    for (const dep of stack.dependsOn) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      const view = byName.get(dep);
      if (view) closure(view, seen);
    }
    return seen;
  }
  const closures = new Map<string, Set<string>>();

  return {
    today: options.today,
    stacks: views,
    facts: options.facts ?? {},
    stack: (name) => byName.get(name),
    ofType(type) {
      const data = type.startsWith("data.");
      const bare = data ? type.slice(5) : type;
      return views.flatMap((stack) =>
        stack.index
          .ofType(bare)
          .filter((r) => r.mode === (data ? "data" : "managed"))
          .map((resource) => ({ stack, resource })),
      );
    },
    resolveAll,
    resolve: (from, value) => resolveAll(from, value)[0],
    referencing(target, type, attribute) {
      const list = edges().get(`${target.stack.name}/${target.resource.address}`) ?? [];
      const seen = new Set<string>();
      const out: Located[] = [];
      const data = type.startsWith("data.");
      const bare = data ? type.slice(5) : type;
      for (const e of list) {
        if (e.from.resource.type !== bare || e.from.resource.mode !== (data ? "data" : "managed")) continue;
        if (attribute && e.path !== attribute && !e.path.startsWith(`${attribute}.`)) continue;
        const key = `${e.from.stack.name}/${e.from.resource.address}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(e.from);
      }
      return out;
    },
    render: (from, value) => render(from, value),
    availability(creator, user): Availability {
      if (creator.name === user.name) return "same-stack";
      let deps = closures.get(user.name);
      if (!deps) closures.set(user.name, (deps = closure(user)));
      if (deps.has(creator.name)) return "dependency";
      return creator.order < user.order ? "earlier" : "later";
    },
  };
}

/** True when a rendered value still holds something synth cannot know. */
export function isUnknown(rendered: string): boolean {
  return rendered.includes("⟨");
}

/**
 * `derive(env)` computed once per env index and shared by every rule of the run that asks (key
 * uses, log writers, concurrency tallies). Keyed weakly: an index that is done with is collected.
 */
export function oncePerEnv<T>(derive: (env: EnvIndex) => T): (env: EnvIndex) => T {
  const cache = new WeakMap<EnvIndex, T>();
  return (env) => {
    if (!cache.has(env)) cache.set(env, derive(env));
    return cache.get(env)!;
  };
}
