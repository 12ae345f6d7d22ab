import { finding } from "../../rules/helpers";
import { isUnknown } from "../env-index";
import { declaredPrerequisite, secretNameOf } from "../prerequisites";
import type { EnvIndex, Finding, Located, PreflightRule, Target } from "../types";

/** Where a plan-time read finds its value, or why it does not. */
type Source = { kind: "ok" } | { kind: "missing"; name: string | undefined; why: string } | { kind: "race"; creator: Located };

function refersTo(reader: Located, creator: Located, env: EnvIndex): boolean {
  const depends = reader.resource.values["depends_on"];
  if (Array.isArray(depends) && depends.includes(creator.resource.address)) return true;
  return env.resolveAll(reader.stack, reader.resource.values).some((t) => t.stack === creator.stack && t.address === creator.resource.address);
}

function available(reader: Located, creator: Located, env: EnvIndex): Source {
  const when = env.availability(creator.stack, reader.stack);
  if (when === "dependency" || when === "earlier") return { kind: "ok" };
  if (when === "same-stack") return refersTo(reader, creator, env) ? { kind: "ok" } : { kind: "race", creator };
  return { kind: "missing", name: undefined, why: `its value comes from ${creator.stack.name}/${creator.resource.address}, which deploys after this stack` };
}

/** A declared `secret-value` prerequisite (a construct's `requirePrerequisite` or env config): `infra preflight` checks it before deploy. */
function declared(env: EnvIndex, name: string | undefined, reader: Located): boolean {
  return !!name && declaredPrerequisite(env, "secrets", name, reader.stack) !== undefined;
}

function secretName(env: EnvIndex, secret: Located): string | undefined {
  const name = secret.resource.values["name"];
  const rendered = typeof name === "string" ? env.render(secret.stack, name) : undefined;
  return rendered && !isUnknown(rendered) ? rendered : undefined;
}

/** The value source of a data.aws_secretsmanager_secret_version. */
function secretSource(reader: Located, env: EnvIndex): Source {
  const value = reader.resource.values["secret_id"];
  const targets: Target[] = typeof value === "string" ? env.resolveAll(reader.stack, value) : [];
  const t = targets[0];
  // RDS/Aurora-managed master secrets: RDS writes the value when it creates the database.
  if (t?.resource && /^aws_(db_instance|rds_cluster)$/.test(t.resource.type) && t.attribute === "master_user_secret") return { kind: "ok" };
  let secret: Located | undefined =
    t?.resource?.type === "aws_secretsmanager_secret" && t.resource.mode === "managed" ? { stack: t.stack, resource: t.resource } : undefined;
  let name = secret ? secretName(env, secret) : undefined;
  if (!secret) {
    const lookup =
      t?.resource?.type === "aws_secretsmanager_secret" && t.resource.mode === "data"
        ? (t.resource.values["name"] ?? t.resource.values["arn"])
        : (t?.literal ?? value);
    const rendered = typeof lookup === "string" ? env.render(t?.resource ? t.stack : reader.stack, lookup) : undefined;
    if (!rendered || isUnknown(rendered)) return { kind: "ok" }; // not knowable at synth: not judged
    name = secretNameOf(rendered);
    secret = env.ofType("aws_secretsmanager_secret").find((s) => s.stack.account === reader.stack.account && secretName(env, s) === name);
  }
  if (declared(env, name, reader)) return { kind: "ok" };
  if (!secret) return { kind: "missing", name, why: "no stack of the env creates this secret" };
  const versions = env.referencing(secret, "aws_secretsmanager_secret_version", "secret_id");
  if (!versions.length)
    return {
      kind: "missing",
      name,
      why: `${secret.stack.name}/${secret.resource.address} is created without a value (no aws_secretsmanager_secret_version in any stack)`,
    };
  const results = versions.map((v) => available(reader, v, env));
  return results.find((r) => r.kind === "ok") ?? results[0]!;
}

/** The value source of a data.aws_ssm_parameter. */
function parameterSource(reader: Located, env: EnvIndex): Source {
  const raw = reader.resource.values["name"];
  const target = typeof raw === "string" ? env.resolve(reader.stack, raw) : undefined;
  if (target?.resource?.type === "aws_ssm_parameter" && target.resource.mode === "managed")
    return available(reader, { stack: target.stack, resource: target.resource }, env);
  const name = typeof raw === "string" ? env.render(reader.stack, raw) : undefined;
  if (!name || isUnknown(name) || name.startsWith("/aws/service/")) return { kind: "ok" }; // AWS public parameters exist in every account
  if (declared(env, name, reader)) return { kind: "ok" };
  const creator = env
    .ofType("aws_ssm_parameter")
    .find(
      (p) =>
        p.stack.account === reader.stack.account &&
        typeof p.resource.values["name"] === "string" &&
        env.render(p.stack, p.resource.values["name"] as string) === name,
    );
  return creator ? available(reader, creator, env) : { kind: "missing", name, why: "no stack of the env creates this parameter" };
}

/**
 * A secret or parameter read at plan time (a data source with a known id) must have a value before
 * the reading stack is planned: given by a stack that deploys first, written by RDS (managed master
 * secrets), or declared a fresh-account `secret-value` prerequisite of the same account (by the
 * construct that reads it, libs/core `requirePrerequisite`, or the env config `prerequisites.secrets`),
 * which `infra preflight` lists and checks before deploy.
 */
export const secretReads: PreflightRule = {
  id: "PRE-SECRET-001",
  title: "Secrets and parameters read at plan time have a value before the reading stack is planned",
  consequence:
    'terraform plan fails on a fresh account: "reading Secrets Manager Secret Version: ResourceNotFoundException: Secrets Manager can\'t find the specified secret value for staging label: AWSCURRENT" (SSM: "ParameterNotFound")',
  severity: "high",
  catalogue: [],
  defects: [3],
  scope: "env",
  resourceTypes: ["data.aws_secretsmanager_secret_version", "data.aws_ssm_parameter"],
  check(reader, env) {
    const source = reader.resource.type === "aws_ssm_parameter" ? parameterSource(reader, env) : secretSource(reader, env);
    const attribute = reader.resource.type === "aws_ssm_parameter" ? "name" : "secret_id";
    const out: Finding[] = [];
    if (source.kind === "missing") {
      out.push(
        finding(
          attribute,
          `${source.name ?? String(reader.resource.values[attribute])} (${source.why})`,
          "a value given by a stack that deploys first, the value declared a fresh-account prerequisite that infra preflight checks (requirePrerequisite secret-value in the reading construct, or env config prerequisites.secrets), or no plan-time read (pass the secret's ARN where the resource takes one)",
        ),
      );
    } else if (source.kind === "race") {
      out.push(
        finding(
          attribute,
          `value created in this stack by ${source.creator.resource.address}, which the read does not reference`,
          `a reference to ${source.creator.resource.address} (or depends_on), so the read waits for the value`,
        ),
      );
    }
    return out;
  },
};
