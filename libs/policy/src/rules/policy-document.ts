/**
 * Reading IAM-style resource policies (bucket, queue, topic, key, repository, domain policies).
 * They arrive either as a JSON string (JSON.stringify in a construct, references inside) or as
 * a reference to a `data.aws_iam_policy_document`, whose statements are in the same stack JSON.
 */
import type { Json, JsonObject, StackIndex } from "../types";
import { asStrings, blocks } from "./helpers";

export interface Statement {
  effect: "Allow" | "Deny";
  /** Principal identifiers; `"*"` for `Principal: "*"` or `{ AWS: "*" }`. */
  principals: string[];
  actions: string[];
  conditions: { test: string; variable: string; values: string[] }[];
}

function fromJsonStatement(s: JsonObject): Statement {
  const principal = s["Principal"];
  const principals =
    principal === "*" ? ["*"] : principal && typeof principal === "object" && !Array.isArray(principal) ? Object.values(principal).flatMap(asStrings) : [];
  const conditions: Statement["conditions"] = [];
  const cond = s["Condition"];
  if (cond && typeof cond === "object" && !Array.isArray(cond)) {
    for (const [test, vars] of Object.entries(cond)) {
      if (!vars || typeof vars !== "object" || Array.isArray(vars)) continue;
      for (const [variable, values] of Object.entries(vars))
        conditions.push({ test, variable, values: asStrings(values).concat(typeof values === "boolean" ? [String(values)] : []) });
    }
  }
  return { effect: s["Effect"] === "Deny" ? "Deny" : "Allow", principals, actions: asStrings(s["Action"]), conditions };
}

function fromDocumentStatement(s: JsonObject): Statement {
  return {
    effect: s["effect"] === "Deny" ? "Deny" : "Allow",
    principals: blocks(s, "principals").flatMap((p) => asStrings(p["identifiers"])),
    actions: asStrings(s["actions"]),
    conditions: blocks(s, "condition").map((c) => ({ test: String(c["test"]), variable: String(c["variable"]), values: asStrings(c["values"]) })),
  };
}

/** Statements of a policy value, or undefined when it cannot be read at synth time. */
export function statementsOf(policy: Json | undefined, index: StackIndex): Statement[] | undefined {
  if (typeof policy !== "string") return undefined;
  const doc = index.resolve(policy);
  if (doc?.type === "aws_iam_policy_document" && policy.trim().startsWith("${")) return blocks(doc.values, "statement").map(fromDocumentStatement);
  try {
    const parsed = JSON.parse(policy) as JsonObject;
    const raw = parsed["Statement"];
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return list.filter((s): s is JsonObject => !!s && typeof s === "object" && !Array.isArray(s)).map(fromJsonStatement);
  } catch {
    return undefined;
  }
}

/**
 * Narrower denies that still make a resource TLS-only: for a topic, publishing is the data path
 * (AWS's documented example and cdk-nag SNS3 deny exactly `sns:Publish`).
 */
const TLS_DENY_ACTIONS: Readonly<Record<string, readonly string[]>> = { sns: ["sns:Publish"] };

/** `Deny` for every principal when `aws:SecureTransport` is false: the TLS-only statement. */
export function deniesInsecureTransport(statements: Statement[], actionPrefix: string): boolean {
  const accepted = ["*", `${actionPrefix}:*`, ...(TLS_DENY_ACTIONS[actionPrefix] ?? [])];
  return statements.some(
    (s) =>
      s.effect === "Deny" &&
      s.principals.includes("*") &&
      s.actions.some((a) => accepted.includes(a)) &&
      s.conditions.some((c) => c.test === "Bool" && c.variable === "aws:SecureTransport" && c.values.includes("false")),
  );
}

/** Allow statements open to everyone with no condition narrowing them (e.g. SourceArn). */
export function unconditionedPublicAllows(statements: Statement[]): Statement[] {
  return statements.filter((s) => s.effect === "Allow" && s.principals.includes("*") && s.conditions.length === 0);
}

/** Allow statements granting every action (`*` or `<service>:*`). */
export function wildcardActionAllows(statements: Statement[]): Statement[] {
  return statements.filter((s) => s.effect === "Allow" && s.actions.some((a) => a === "*" || a.endsWith(":*")));
}
