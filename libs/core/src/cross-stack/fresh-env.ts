import { hclLiteral } from "./hcl";
import type { Placeholder, PlaceholderValue } from "./placeholders";

/** cdktf's name for the remote state data source of a cross-stack reference (`<prefix><producer path>`). */
export const REMOTE_STATE_PREFIX = "cross-stack-reference-input-";
/** The probe that tells whether a producer's state object exists. */
export const STATE_PROBE_PREFIX = "cross-stack-state-";
/** Local: the descriptions of every read that currently falls back to its placeholder. */
export const PLACEHOLDERS_LOCAL = "cross-stack-placeholders";
/** Check block that makes a plan on placeholders say so (a warning). */
export const PLACEHOLDERS_CHECK = "cross-stack-placeholders";
/** `terraform_data` whose precondition refuses an apply on placeholders. */
export const PLACEHOLDER_GUARD = "cross-stack-placeholder-guard";
export const PLACEHOLDER_GUARD_ADDRESS = `terraform_data.${PLACEHOLDER_GUARD}`;
/**
 * The guard's precondition: unknown while planning (Terraform and OpenTofu evaluate `timestamp()`,
 * an impure function, as unknown in the plan walk, so the check is deferred), false when applying.
 * The only `timestamp()` in the synthesized JSON; it sets no attribute, so it causes no diff.
 */
export const PLACEHOLDER_GUARD_CONDITION = `\${length(local.${PLACEHOLDERS_LOCAL}) == 0 || timestamp() == ""}`;
/** The workspace of the empty in-memory state a missing producer is read from. */
export const PLACEHOLDER_WORKSPACE = "cross-stack-placeholder";

/** One value a consumer reads from a producer's outputs, and what stands in for it until the producer is applied. */
export interface CrossStackRead {
  /** The remote state data source (`cross-stack-reference-input-<producer>`). */
  readonly remoteState: string;
  /** The producer's output (`cross-stack-output-...`). */
  readonly output: string;
  readonly placeholder: Placeholder;
  /** For people: `<producer stack> <type>.<name>.<attribute>`. */
  readonly label: string;
}

/** Resolves the placeholder and label of one read; throws for a read it does not know (a bug). */
export type ReadResolver = (remoteState: string, output: string) => Omit<CrossStackRead, "remoteState" | "output">;

type Json = Record<string, unknown>;
type Blocks = Record<string, Record<string, Json>>;

const READ = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;

/**
 * Makes a consumer stack plannable before its producers are applied (Terragrunt's `mock_outputs`),
 * and unappliable until they are. On Terraform JSON, after cdktf wrote the cross-stack wiring; the
 * reads themselves (`data.terraform_remote_state.X.outputs.Y`) are left exactly as cdktf wrote them.
 *
 * - `data.aws_s3_objects.cross-stack-state-<producer>` lists the producer's state key. Terraform
 *   fails on a missing state object even when `defaults` are given (hashicorp/terraform#22211), so
 *   while the object is missing the remote state reads the empty state of Terraform's built-in
 *   `inmem` backend instead (its non-default workspaces start empty, in memory; nothing is written);
 * - `defaults` on the remote state give every read output its typed placeholder: used while the
 *   state is missing or lacks the output (a producer applied before the output existed);
 * - `local.cross-stack-placeholders` lists the reads on placeholders, `check "cross-stack-placeholders"`
 *   warns with that list in plan and apply, and `terraform_data.cross-stack-placeholder-guard`
 *   exists only while the list is non-empty; its precondition cannot be decided at plan time
 *   (`timestamp()` is unknown until apply), so plan succeeds and apply fails on it; every managed
 *   resource of the stack depends on the guard, so nothing is created from a placeholder.
 *
 * Deterministic: reads are sorted. A stack without cross-stack reads is returned unchanged.
 */
export function addFreshEnvFallbacks(json: Json, resolve: ReadResolver): Json {
  const remoteStates = ((json["data"] as Blocks | undefined)?.["terraform_remote_state"] ?? {}) as Record<string, Json>;
  const names = Object.keys(remoteStates)
    .filter((n) => n.startsWith(REMOTE_STATE_PREFIX))
    .sort();
  if (names.length === 0) return json;

  const reads = collectReads(json, new Set(names), resolve);
  const out: Json = { ...json, data: { ...(json["data"] as Blocks) } };
  const data = out["data"] as Blocks;
  const probes: Record<string, Json> = { ...data["aws_s3_objects"] };
  const states: Record<string, Json> = { ...data["terraform_remote_state"] };
  for (const name of names) {
    const state = states[name]!;
    const config = state["config"] as Record<string, unknown> | undefined;
    if (state["backend"] !== "s3" || typeof config?.["bucket"] !== "string" || typeof config["key"] !== "string" || typeof config["region"] !== "string") {
      throw new Error(`${name}: expected an S3 remote state with bucket, key and region, got ${JSON.stringify(state)}`);
    }
    const probe = `${STATE_PROBE_PREFIX}${name.slice(REMOTE_STATE_PREFIX.length)}`;
    claim(probes, probe, "data.aws_s3_objects");
    // ListObjectsV2 with the key as prefix: the state object sorts before `<key>.tflock`, so one key is enough.
    probes[probe] = { bucket: config["bucket"], prefix: config["key"], max_keys: 1, region: config["region"] };
    const applied = `contains(data.aws_s3_objects.${probe}.keys, ${hclLiteral(config["key"])})`;
    const defaults: Json = {};
    for (const read of reads.filter((r) => r.remoteState === name)) defaults[read.output] = templateSafe(read.placeholder.value);
    states[name] = {
      ...state,
      backend: `\${${applied} ? "s3" : "inmem"}`,
      config: `\${${applied} ? ${hclMap(config)} : tomap({})}`,
      workspace: `\${${applied} ? ${workspaceExpression(state["workspace"])} : ${hclLiteral(PLACEHOLDER_WORKSPACE)}}`,
      defaults,
    };
  }
  data["aws_s3_objects"] = probes;
  data["terraform_remote_state"] = states;

  const locals: Json = { ...(out["locals"] as Json | undefined) };
  claim(locals, PLACEHOLDERS_LOCAL, "local");
  locals[PLACEHOLDERS_LOCAL] =
    `\${compact([${reads.map((r) => `${reference(r)} == ${hclLiteral(r.placeholder.value)} ? ${hclLiteral(r.label)} : ""`).join(", ")}])}`;
  out["locals"] = locals;

  const list = `\${join(", ", local.${PLACEHOLDERS_LOCAL})}`;
  const checks: Record<string, Json> = { ...(out["check"] as Record<string, Json> | undefined) };
  claim(checks, PLACEHOLDERS_CHECK, "check");
  checks[PLACEHOLDERS_CHECK] = {
    assert: [
      {
        condition: `\${length(local.${PLACEHOLDERS_LOCAL}) == 0}`,
        error_message:
          `This plan uses placeholder values (marked "placeholder"/"00000000") for outputs of stacks that are not applied yet: ${list}. ` +
          "Apply those stacks first (deploy runs them in dependency order); applying this stack is refused until then.",
      },
    ],
  };
  out["check"] = checks;

  const resources: Blocks = {};
  for (const [type, byName] of Object.entries((out["resource"] as Blocks | undefined) ?? {})) {
    resources[type] = Object.fromEntries(
      Object.entries(byName).map(([name, body]) => {
        const dependsOn = ((body["depends_on"] as string[] | undefined) ?? []).filter((d) => d !== PLACEHOLDER_GUARD_ADDRESS);
        return [name, { ...body, depends_on: [...dependsOn, PLACEHOLDER_GUARD_ADDRESS] }];
      }),
    );
  }
  const guards = (resources["terraform_data"] ??= {});
  claim(guards, PLACEHOLDER_GUARD, "terraform_data");
  guards[PLACEHOLDER_GUARD] = {
    count: `\${length(local.${PLACEHOLDERS_LOCAL}) > 0 ? 1 : 0}`,
    input: `\${local.${PLACEHOLDERS_LOCAL}}`,
    lifecycle: {
      precondition: [
        {
          condition: PLACEHOLDER_GUARD_CONDITION,
          error_message: `Refusing to apply: these values are placeholders because the stacks that produce them are not applied yet: ${list}. Apply those stacks first, then plan this one again.`,
        },
      ],
    },
  };
  out["resource"] = resources;
  return out;
}

/** Every distinct read of a cross-stack output in the stack, sorted by remote state and output. */
function collectReads(json: Json, names: ReadonlySet<string>, resolve: ReadResolver): CrossStackRead[] {
  const seen = new Map<string, CrossStackRead>();
  for (const m of JSON.stringify(json).matchAll(READ)) {
    const [, remoteState, output] = m as unknown as [string, string, string];
    if (!names.has(remoteState)) continue;
    const key = `${remoteState}\u0000${output}`;
    if (!seen.has(key)) seen.set(key, { remoteState, output, ...resolve(remoteState, output) });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

function reference(read: Pick<CrossStackRead, "remoteState" | "output">): string {
  return `data.terraform_remote_state.${read.remoteState}.outputs.${read.output}`;
}

/** The S3 backend config as `tomap({...})` of strings: both branches of the conditional must have one type. */
function hclMap(config: Record<string, unknown>): string {
  const entries = Object.keys(config)
    .sort()
    .map((k) => {
      const v = config[k];
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
        throw new Error(`remote state config ${k}: only scalar values are supported, got ${JSON.stringify(v)}`);
      }
      return `${k} = ${hclLiteral(String(v))}`;
    });
  return `tomap({${entries.join(", ")}})`;
}

/** cdktf writes `${terraform.workspace}`; keep whatever it wrote, as an expression. */
function workspaceExpression(workspace: unknown): string {
  if (workspace === undefined) return "terraform.workspace";
  if (typeof workspace !== "string") throw new Error(`remote state workspace: expected a string, got ${JSON.stringify(workspace)}`);
  const m = /^\$\{(.+)\}$/.exec(workspace);
  return m ? m[1]! : hclLiteral(workspace);
}

/** A literal in a JSON attribute is a template: `${` and `%{` must not start one. */
function templateSafe(value: PlaceholderValue): PlaceholderValue {
  if (typeof value === "string") return value.replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
  if (typeof value === "number") return value;
  return value.map((v) => templateSafe(v) as string);
}

/** Our names must not collide with anything the stack already has. */
function claim(block: Record<string, unknown>, name: string, what: string): void {
  if (name in block) throw new Error(`${what}.${name} already exists; the fresh-env fallbacks need that name`);
}
