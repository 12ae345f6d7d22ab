/**
 * The IAM vocabulary of the construct libraries (ADR 0115), free of cdktf so that config and
 * workload inputs can use the types and the validator: one statement type, one grantee interface,
 * one validator, and the helper every `grantX(grantee, options?)` method uses to name its statements.
 */

/** One condition block of a statement, in the shape of `data.aws_iam_policy_document`. */
export interface PolicyCondition {
  /** The condition operator, e.g. "StringEquals", "ArnLike", "Bool". */
  readonly test: string;
  /** The context key, e.g. "aws:SourceArn", "kms:ViaService". */
  readonly variable: string;
  /** One or more values (OR-ed by IAM). */
  readonly values: readonly string[];
}

/** Who a resource policy statement applies to, in the shape of `data.aws_iam_policy_document`. */
export interface PolicyPrincipal {
  /** "*" (anyone: only with Deny or a scoping condition), "AWS" (accounts, roles), "Service", "Federated". */
  readonly type: "*" | "AWS" | "Service" | "Federated";
  /** e.g. ["sns.amazonaws.com"]; ["*"] with type "*". */
  readonly identifiers: readonly string[];
}

/**
 * One least-privilege IAM statement granted to a role. `sid` is required: it names the grant in
 * the console and, where a grantee makes one inline policy per statement (Lambda, ECS on EC2),
 * gives that policy its name and its Terraform address.
 */
export interface PolicyStatement {
  /** Statement id: 1-100 letters and digits, unique per grantee. */
  readonly sid: string;
  /** @default "Allow" */
  readonly effect?: "Allow" | "Deny";
  /** e.g. ["s3:GetObject"]. "*" is refused; a service wildcard ("s3:*") needs `wildcardReason`. */
  readonly actions: readonly string[];
  /** Specific ARNs. "*" needs `wildcardReason` (actions without resource-level permissions, e.g. xray:PutTraceSegments). */
  readonly resources: readonly string[];
  /** @default none */
  readonly conditions?: readonly PolicyCondition[];
  /** Only in resource policies (queue, topic, bucket, key): who the statement applies to. A grantee refuses it. @default none */
  readonly principals?: readonly PolicyPrincipal[];
  /** Why a wildcard action or resource is unavoidable; required when the statement has one. Not rendered. @default none */
  readonly wildcardReason?: string;
}

/**
 * What can be granted permissions: a role owner. `LambdaFunction`, the roles of `EcsEc2Cluster`
 * and {@link PolicyStatements} (a plain list for a policy document) implement it. Every library's
 * `grantX(grantee, options?)` adds its statements through this one method.
 */
export interface Grantee {
  /** Add one statement to the grantee's identity policy; throws when the statement is invalid or its sid is taken. */
  addToRolePolicy(statement: PolicyStatement): void;
}

/**
 * How a grant names its statements. A string is the base sid: the grant's first statement gets it
 * as is and each further one a suffix the library documents ("Key", "2", ...). A function names the
 * statement at each position (0-based), for callers whose sids already follow another scheme.
 */
export type SidNaming = string | ((index: number) => string);

/** The options every `grantX` method takes (libraries extend it with their own, e.g. `keyPrefix`). */
export interface GrantOptions {
  /** @default a sid from the construct's id and the grant, e.g. "SendToOrders" */
  readonly sid?: SidNaming;
}

/**
 * @deprecated Grants used to take the sid as a plain string argument; accepted while parallel
 * branches merge (ADR 0115). Pass `{ sid }`.
 */
export function grantOptions<T extends GrantOptions>(options: T | string | undefined): Partial<T> {
  return typeof options === "string" ? ({ sid: options } as Partial<T>) : (options ?? {});
}

/** A statement a grant is about to add: everything but the sid, plus the suffix for a string {@link SidNaming}. */
export type GrantStatement = Omit<PolicyStatement, "sid"> & {
  /** Appended to a string base sid: "" for the first statement, e.g. "Key" or "2" for the others. */
  readonly suffix: string;
};

/** Name `statements` with `naming` (or `defaultSid`) and add them to `grantee`, in order. */
export function grantStatements(grantee: Grantee, naming: SidNaming | undefined, defaultSid: string, statements: readonly GrantStatement[]): void {
  const sid = naming ?? defaultSid;
  statements.forEach(({ suffix, ...statement }, i) => {
    grantee.addToRolePolicy({ sid: typeof sid === "string" ? `${sid}${suffix}` : sid(i), ...statement });
  });
}

/** The suffixes "", "2", "3", ... for statements that have no better name than their position. */
export function positionSuffix(index: number): string {
  return index === 0 ? "" : String(index + 1);
}

/** Statements named by position under a string base sid: "<sid>", "<sid>2", "<sid>3", ... */
export function numbered(statements: readonly Omit<PolicyStatement, "sid">[]): GrantStatement[] {
  return statements.map((s, i) => ({ ...s, suffix: positionSuffix(i) }));
}

/** A statement id from free text (a construct id, a name): letters and digits only, PascalCase. */
export function sidOf(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""));
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

/** Statement ids: 1-100 letters and digits (IAM allows only those, and they name inline policies). */
export function validateSid(sid: string): string | undefined {
  return /^[A-Za-z0-9]{1,100}$/.test(sid) ? undefined : `sid "${sid}" must be 1-100 letters and digits`;
}

// A Terraform reference inside a string ("${aws_s3_bucket.x.arn}/*" or a cdktf token): its value is
// only known at apply, so only its literal shape is checked.
const isReference = (value: string): boolean => value.includes("${");
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;

/**
 * Every problem with one statement, empty when it is fine. One sentence per problem, each naming
 * the sid and repeating the bad value: callers prefix them with the grantee (see `throwIfInvalid`).
 */
export function statementErrors(s: PolicyStatement): string[] {
  const errors: string[] = [];
  const sidError = validateSid(s.sid);
  if (sidError) errors.push(sidError);
  if (s.effect !== undefined && s.effect !== "Allow" && s.effect !== "Deny") errors.push(`${s.sid}: effect "${String(s.effect)}" must be "Allow" or "Deny"`);
  if (s.actions.length === 0) errors.push(`${s.sid}: no actions`);
  if (s.resources.length === 0) errors.push(`${s.sid}: no resources`);
  const malformed = s.actions.filter((a) => a !== "*" && !isReference(a) && !ACTION.test(a));
  if (malformed.length > 0)
    errors.push(`${s.sid}: action(s) ${malformed.map((a) => `"${a}"`).join(", ")} must be "service:Action" (wildcards * and ? allowed in the action name)`);
  const badResources = s.resources.filter((r) => r !== "*" && !isReference(r) && !r.startsWith("arn:"));
  if (badResources.length > 0) errors.push(`${s.sid}: resource(s) ${badResources.map((r) => `"${r}"`).join(", ")} must be an ARN ("arn:...") or "*"`);
  for (const [i, c] of (s.conditions ?? []).entries()) {
    if (!c.test.trim() || !c.variable.trim() || c.values.length === 0) {
      errors.push(`${s.sid}: conditions[${i}] ${JSON.stringify(c)} needs a test (operator), a variable (context key) and at least one value`);
    }
  }
  for (const [i, p] of (s.principals ?? []).entries()) {
    if (p.identifiers.length === 0) errors.push(`${s.sid}: principals[${i}] (${p.type}) names no identifiers`);
  }
  // A Deny narrows what others allow: its wildcards take nothing away from least privilege.
  const wildcards = s.effect === "Deny" ? [] : [...s.actions.filter((a) => a.endsWith(":*")), ...s.resources.filter((r) => r === "*")];
  if (s.effect !== "Deny" && s.actions.includes("*")) errors.push(`${s.sid}: action "*" grants everything; list the actions`);
  if (wildcards.length > 0 && !s.wildcardReason?.trim()) {
    errors.push(`${s.sid}: ${wildcards.join(", ")} needs a wildcardReason (least privilege: use specific actions and ARNs)`);
  }
  return errors;
}

/**
 * The checks a grantee runs on each statement it receives: the statement itself, and its sid not
 * already granted (`granted` is the grantee's set; the sid is added when the statement is valid).
 */
export function grantErrors(statement: PolicyStatement, granted: Set<string>, to: string): string[] {
  const errors = statementErrors(statement);
  if (statement.principals && statement.principals.length > 0)
    errors.push(`${statement.sid}: principals belong in resource policies; a grantee's policy is an identity policy`);
  if (granted.has(statement.sid)) errors.push(`sid "${statement.sid}" is already granted to ${to}`);
  if (errors.length === 0) granted.add(statement.sid);
  return errors;
}

type JsonValue = string | string[];
const oneOrMany = (values: readonly string[]): JsonValue => (values.length === 1 ? values[0]! : [...values]);

/**
 * A statement in IAM JSON form: what `toJsonStatement` renders, and the type for policies written as
 * JSON by hand where the exact text matters (`NotAction`, one-element lists). Author grants as
 * `PolicyStatement`; use this only for a policy's rendered form.
 */
export interface JsonPolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal?: "*" | Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * A statement in IAM JSON form, for policies rendered as a JSON string (queue and topic policies):
 * keys in the order Sid, Effect, Principal, Action, Resource, Condition; a list of one is written as
 * its single value, as IAM itself prints it; principal type "*" is written as "*".
 */
export function toJsonStatement(s: PolicyStatement): JsonPolicyStatement {
  const principal = s.principals && s.principals.length > 0 ? jsonPrincipal(s.principals) : undefined;
  const condition: Record<string, Record<string, string | string[]>> = {};
  for (const c of s.conditions ?? []) condition[c.test] = { ...(condition[c.test] ?? {}), [c.variable]: oneOrMany(c.values) };
  return {
    Sid: s.sid,
    Effect: s.effect ?? "Allow",
    ...(principal !== undefined ? { Principal: principal } : {}),
    Action: oneOrMany(s.actions),
    Resource: oneOrMany(s.resources),
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

function jsonPrincipal(principals: readonly PolicyPrincipal[]): "*" | Record<string, JsonValue> {
  if (principals.some((p) => p.type === "*")) return "*";
  const byType: Record<string, string[]> = {};
  for (const p of principals) (byType[p.type] ??= []).push(...p.identifiers);
  return Object.fromEntries(Object.entries(byType).map(([type, ids]) => [type, oneOrMany(ids)]));
}
