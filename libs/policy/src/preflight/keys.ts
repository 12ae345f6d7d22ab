/** KMS keys as the env sees them: which key a value names, and the key's effective policy. */
import type { Json } from "../types";
import { readPolicy, type Statement } from "./policy";
import type { EnvIndex, Located, StackView } from "./types";

const KEY_TYPES = new Set(["aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key"]);

/**
 * The key a value such as `kms_key_id = "${...arn}"` names: a key, through an alias (by reference or
 * by literal `alias/<name>` in the same account and region), across stacks. Undefined for an
 * AWS-managed key (`alias/aws/...`), a literal key ARN from elsewhere, or nothing.
 */
export function keyNamedBy(env: EnvIndex, from: StackView, value: unknown, region?: string): Located | undefined {
  if (typeof value !== "string" || value.includes("alias/aws/")) return undefined;
  const target = env.resolve(from, value);
  if (target?.resource && KEY_TYPES.has(target.resource.type)) return { stack: target.stack, resource: target.resource };
  if (target?.resource?.type === "aws_kms_alias") return keyNamedBy(env, target.stack, target.resource.values["target_key_id"]);
  const literal = target?.literal ?? (value.includes("${") ? undefined : value);
  const alias = literal?.match(/(?:^|:)(alias\/[\w/-]+)$/)?.[1];
  if (!alias) return undefined;
  const where = region ?? from.region;
  const found = env
    .ofType("aws_kms_alias")
    .find((a) => a.resource.values["name"] === alias && a.stack.account === from.account && a.stack.regionOf(a.resource) === where);
  return found ? keyNamedBy(env, found.stack, found.resource.values["target_key_id"]) : undefined;
}

/** The default key policy KMS applies when none is given: the account root may do everything. */
function defaultPolicy(key: Located): Statement[] {
  const account = key.stack.account ?? "";
  return [
    {
      effect: "Allow",
      principals: [{ type: "AWS", value: `arn:aws:iam::${account}:root`, raw: `arn:aws:iam::${account}:root`, stack: key.stack }],
      notPrincipal: false,
      actions: ["kms:*"],
      notActions: [],
      resources: ["*"],
      notResources: [],
      conditions: [],
    },
  ];
}

/** The policy value of a key: its `policy` argument, or an `aws_kms_key_policy` pointing at it (any stack). */
export function keyPolicyValue(env: EnvIndex, key: Located): { value: Json | undefined; from: StackView } {
  if (key.resource.values["policy"] !== undefined) return { value: key.resource.values["policy"], from: key.stack };
  const separate = env.referencing(key, "aws_kms_key_policy", "key_id")[0];
  return separate ? { value: separate.resource.values["policy"], from: separate.stack } : { value: undefined, from: key.stack };
}

/** The statements KMS will evaluate, or undefined when synth cannot read the policy. */
export function keyPolicy(env: EnvIndex, key: Located): Statement[] | undefined {
  const { value, from } = keyPolicyValue(env, key);
  return value === undefined ? defaultPolicy(key) : readPolicy(env, from, value);
}
