/**
 * Resource and key policies as AWS will evaluate them: read from a JSON string or a
 * `data.aws_iam_policy_document` (with its source/override documents), in any stack of the env,
 * every string rendered (names, ARNs, account, region substituted; the rest `⟨unknown⟩`), and a
 * small IAM evaluator: does some Allow statement grant this principal these actions under this
 * request context?
 */
import { blocks } from "../rules/helpers";
import type { Json, JsonObject } from "../types";
import type { EnvIndex, StackView } from "./types";

export interface Principal {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `Principal: "*"`. */
  readonly type: string;
  /** Rendered identifier (e.g. `arn:aws:iam::111111111111:role/app`). */
  readonly value: string;
  /** As synthesized: a reference (`${aws_iam_role.r.arn}`) or a literal. */
  readonly raw: string;
  /** The stack the raw value was written in (for following references). */
  readonly stack: StackView;
}

export interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

export interface Statement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly principals: readonly Principal[];
  /** A NotPrincipal statement: evaluated conservatively (never counted as a grant). */
  readonly notPrincipal: boolean;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly conditions: readonly Condition[];
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);
const asValues = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

function fromJson(env: EnvIndex, stack: StackView, s: JsonObject): Statement {
  const r = (x: string) => env.render(stack, x);
  const principals: Principal[] = [];
  const p = s["Principal"] ?? s["NotPrincipal"];
  if (p === "*") principals.push({ type: "*", value: "*", raw: "*", stack });
  else if (p && typeof p === "object" && !Array.isArray(p)) {
    for (const [type, ids] of Object.entries(p)) for (const raw of asList(ids)) principals.push({ type, value: r(raw), raw, stack });
  }
  const conditions: Condition[] = [];
  const cond = s["Condition"];
  if (cond && typeof cond === "object" && !Array.isArray(cond)) {
    for (const [test, vars] of Object.entries(cond)) {
      if (!vars || typeof vars !== "object" || Array.isArray(vars)) continue;
      for (const [variable, values] of Object.entries(vars)) conditions.push({ test, variable, values: asValues(values).map(r) });
    }
  }
  return {
    ...(typeof s["Sid"] === "string" ? { sid: s["Sid"] } : {}),
    effect: s["Effect"] === "Deny" ? "Deny" : "Allow",
    principals,
    notPrincipal: s["NotPrincipal"] !== undefined,
    actions: asList(s["Action"]).map(r),
    notActions: asList(s["NotAction"]).map(r),
    resources: asList(s["Resource"]).map(r),
    notResources: asList(s["NotResource"]).map(r),
    conditions,
  };
}

function fromDocument(env: EnvIndex, stack: StackView, s: JsonObject): Statement {
  const r = (x: string) => env.render(stack, x);
  const principalBlocks = blocks(s, "principals");
  const notPrincipalBlocks = blocks(s, "not_principals");
  const principals = [...principalBlocks, ...notPrincipalBlocks].flatMap((b) =>
    asList(b["identifiers"]).map((raw) => ({ type: String(b["type"]), value: b["type"] === "*" && raw === "*" ? "*" : r(raw), raw, stack })),
  );
  return {
    ...(typeof s["sid"] === "string" ? { sid: s["sid"] } : {}),
    effect: s["effect"] === "Deny" ? "Deny" : "Allow",
    principals,
    notPrincipal: notPrincipalBlocks.length > 0,
    actions: asList(s["actions"]).map(r),
    notActions: asList(s["not_actions"]).map(r),
    resources: asList(s["resources"]).map(r),
    notResources: asList(s["not_resources"]).map(r),
    conditions: blocks(s, "condition").map((c) => ({ test: String(c["test"]), variable: String(c["variable"]), values: asValues(c["values"]).map(r) })),
  };
}

/** Later statements replace earlier ones with the same sid (Terraform's override semantics). */
function merge(...lists: Statement[][]): Statement[] {
  const out: Statement[] = [];
  for (const list of lists) {
    for (const s of list) {
      const i = s.sid ? out.findIndex((o) => o.sid === s.sid) : -1;
      if (i >= 0) out[i] = s;
      else out.push(s);
    }
  }
  return out;
}

/**
 * The statements of a policy value as written in `from` (a JSON string, or a reference to a
 * policy document data source, possibly in another stack), or undefined when synth cannot read it
 * (e.g. `jsonencode(...)`).
 */
export function readPolicy(env: EnvIndex, from: StackView, value: Json | undefined, depth = 0): Statement[] | undefined {
  if (typeof value !== "string" || depth > 4) return undefined;
  const trimmed = value.trim();
  if (/^\$\{[^}]*\}$/.test(trimmed)) {
    const target = env.resolve(from, trimmed);
    if (target?.literal !== undefined) return readPolicy(env, target.stack, target.literal, depth + 1);
    const doc = target?.resource;
    if (!doc || doc.type !== "aws_iam_policy_document" || doc.mode !== "data") return undefined;
    const sources = asList(doc.values["source_policy_documents"]).map((v) => readPolicy(env, target.stack, v, depth + 1));
    const overrides = asList(doc.values["override_policy_documents"]).map((v) => readPolicy(env, target.stack, v, depth + 1));
    if ([...sources, ...overrides].some((x) => x === undefined)) return undefined;
    const own = blocks(doc.values, "statement").map((s) => fromDocument(env, target.stack, s));
    return merge(...(sources as Statement[][]), own, ...(overrides as Statement[][]));
  }
  try {
    const parsed = JSON.parse(value) as JsonObject;
    const raw = parsed["Statement"];
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return list.filter((s): s is JsonObject => !!s && typeof s === "object" && !Array.isArray(s)).map((s) => fromJson(env, from, s));
  } catch {
    return undefined;
  }
}

// ---- matching ------------------------------------------------------------------------------

/** IAM wildcard match (`*`, `?`); case-insensitive when asked (actions, service names). */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? "i" : "s"}${pattern}`;
  let re = GLOBS.get(key);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split("")
        .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
        .join("")}$`,
      ignoreCase ? "is" : "s",
    );
    GLOBS.set(key, re);
  }
  return re.test(value);
}

/** Compiled patterns: the same few hundred actions and ARNs are matched across every stack of an env. */
const GLOBS = new Map<string, RegExp>();

export function allowsAction(s: Statement, action: string): boolean {
  if (s.actions.length) return s.actions.some((a) => globMatch(a, action, true));
  if (s.notActions.length) return !s.notActions.some((a) => globMatch(a, action, true));
  return false;
}

/** The principal a need names: a service (`logs.us-east-1.amazonaws.com`) or an IAM ARN. */
export interface Needed {
  readonly type: "Service" | "AWS";
  readonly value: string;
}

function accountOf(arn: string): string | undefined {
  return /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}

/**
 * Does a statement's principal cover the needed one? `exact`: named; `any`: `*`; `account`: the
 * account root (IAM principals of the account, when their own IAM policy allows too: never a
 * service principal, and never a service-linked role, whose permissions AWS owns).
 */
export function principalMatch(s: Statement, needed: Needed): "exact" | "any" | "account" | false {
  if (s.notPrincipal) return false;
  let best: "exact" | "any" | "account" | false = false;
  for (const p of s.principals) {
    if (p.type === "*" || p.value === "*") {
      best = best || "any";
      continue;
    }
    if (p.type !== needed.type) continue;
    if (needed.type === "Service" ? p.value.toLowerCase() === needed.value.toLowerCase() : p.value === needed.value) return "exact";
    // An account may be written as its id or its root ARN.
    if (needed.type === "AWS" && /^\d{12}$/.test(p.value) && needed.value === `arn:aws:iam::${p.value}:root`) return "exact";
    if (needed.type === "AWS" && !needed.value.includes(":role/aws-service-role/")) {
      const account = accountOf(needed.value);
      if (account && (p.value === account || p.value === `arn:aws:iam::${account}:root`)) best = best === "any" ? best : "account";
    }
  }
  return best;
}

/** The request context of a need: condition keys AWS sets on that call (lower-case keys). */
export type Context = Readonly<Record<string, string>>;

function compare(op: string, patterns: readonly string[], actual: string): boolean {
  const o = op.toLowerCase();
  const negate = o.includes("not");
  let hit: boolean;
  if (o.startsWith("string") && o.includes("like")) hit = patterns.some((p) => globMatch(p, actual));
  else if (o.startsWith("arn")) hit = patterns.some((p) => globMatch(p, actual));
  else if (o.startsWith("stringequalsignorecase") || o.startsWith("stringnotequalsignorecase"))
    hit = patterns.some((p) => p.toLowerCase() === actual.toLowerCase());
  else if (o.startsWith("string")) hit = patterns.some((p) => p === actual);
  else if (o.startsWith("bool")) hit = patterns.some((p) => p.toLowerCase() === actual.toLowerCase());
  else return true; // Numeric, Date, IpAddress, Null: not modelled, assumed satisfiable.
  return negate ? !hit : hit;
}

/**
 * Do a statement's conditions hold for a need? Keys the context does not set, and values synth
 * cannot know (`⟨...⟩`), are assumed satisfiable: this evaluator must never invent a failure.
 */
export function conditionsHold(s: Statement, context: Context): boolean {
  return s.conditions.every((c) => {
    const op = c.test.replace(/^(ForAnyValue|ForAllValues):/i, "").replace(/IfExists$/i, "");
    const actual = context[c.variable.toLowerCase()];
    if (actual === undefined || actual.includes("⟨") || c.values.some((v) => v.includes("⟨"))) return true;
    return compare(op, c.values, actual);
  });
}

/** The statement keys a statement constrains (lower-case), for "the grant must be scoped by X". */
export function constrains(s: Statement, key: string): boolean {
  return s.conditions.some((c) => c.variable.toLowerCase() === key.toLowerCase());
}
