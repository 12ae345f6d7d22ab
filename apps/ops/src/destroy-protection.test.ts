import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { resolveEnv } from "@infra/config";
import { synthEnvOnce } from "@infra/testing";
import type { StackJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";

/**
 * docs/destroy-protection.md: every stateful resource type → its service-level protection. In uat and
 * prod (settings.deletionProtection true) the protection is on and `lifecycle.prevent_destroy` is set;
 * where an env turns deletionProtection off (dev, staging), prevent_destroy is absent so `terraform
 * destroy` works there, and the service flag follows the setting.
 */
type Resource = Record<string, unknown>;
interface Protection {
  /** What the table in docs/destroy-protection.md says. */
  readonly attributes: string;
  /** Problem with the resource when protection is required, or undefined. */
  readonly on: (r: Resource) => string | undefined;
  /** Problem with the resource when the env turns protection off, or undefined. @default no check */
  readonly off?: (r: Resource) => string | undefined;
}

const is = (attr: string, want: unknown) => (r: Resource) =>
  r[attr] === want ? undefined : `${attr} = ${JSON.stringify(r[attr])}, expected ${JSON.stringify(want)}`;
const notTrue = (attr: string) => (r: Resource) => (r[attr] === true ? `${attr} = true` : undefined);
const positive = (attr: string) => (r: Resource) =>
  typeof r[attr] === "number" && (r[attr] as number) > 0 ? undefined : `${attr} = ${JSON.stringify(r[attr])}, expected > 0`;
const all =
  (...checks: ((r: Resource) => string | undefined)[]) =>
  (r: Resource) =>
    checks.map((c) => c(r)).find((x) => x !== undefined);
const isReplica = (r: Resource) => r["replicate_source_db"] !== undefined;
const finalSnapshot = (r: Resource) =>
  isReplica(r) || (r["skip_final_snapshot"] === false && typeof r["final_snapshot_identifier"] === "string") ? undefined : "no final snapshot";

const PROTECTION: Readonly<Record<string, Protection>> = {
  aws_db_instance: {
    attributes: "deletion_protection = true; skip_final_snapshot = false + final_snapshot_identifier (read replicas: none)",
    on: all(is("deletion_protection", true), finalSnapshot),
    off: is("deletion_protection", false),
  },
  aws_rds_cluster: {
    attributes: "deletion_protection = true; skip_final_snapshot = false + final_snapshot_identifier",
    on: all(is("deletion_protection", true), finalSnapshot),
    off: is("deletion_protection", false),
  },
  aws_rds_global_cluster: { attributes: "deletion_protection = true", on: is("deletion_protection", true), off: is("deletion_protection", false) },
  aws_dynamodb_table: {
    attributes: "deletion_protection_enabled = true",
    on: is("deletion_protection_enabled", true),
    off: is("deletion_protection_enabled", false),
  },
  aws_s3_bucket: { attributes: "force_destroy not true", on: notTrue("force_destroy") },
  aws_elasticache_replication_group: {
    attributes: "final_snapshot_identifier (ElastiCache has no deletion protection)",
    on: (r) => (typeof r["final_snapshot_identifier"] === "string" ? undefined : "no final_snapshot_identifier"),
  },
  aws_elasticache_serverless_cache: { attributes: "prevent_destroy only (no service flag)", on: () => undefined },
  aws_opensearch_domain: { attributes: "prevent_destroy only (no service flag)", on: () => undefined },
  aws_kms_key: {
    attributes: "deletion_window_in_days > 0 (7-30, in every env)",
    on: positive("deletion_window_in_days"),
    off: positive("deletion_window_in_days"),
  },
  aws_secretsmanager_secret: {
    attributes: "recovery_window_in_days > 0 (in every env)",
    on: positive("recovery_window_in_days"),
    off: positive("recovery_window_in_days"),
  },
  aws_timestreamwrite_database: { attributes: "prevent_destroy only (no service flag)", on: () => undefined },
  aws_timestreamwrite_table: { attributes: "prevent_destroy only (no service flag)", on: () => undefined },
  aws_cognito_user_pool: { attributes: 'deletion_protection = "ACTIVE"', on: is("deletion_protection", "ACTIVE"), off: is("deletion_protection", "INACTIVE") },
  aws_ecr_repository: { attributes: "force_delete not true", on: notTrue("force_delete") },
  aws_route53_zone: { attributes: "force_destroy not true", on: notTrue("force_destroy") },
  aws_efs_file_system: { attributes: "prevent_destroy only (no service flag)", on: () => undefined },
  aws_backup_vault: { attributes: "force_destroy not true", on: notTrue("force_destroy") },
};

/** Synthesized once per env for this file. */
const SYNTH: ReadonlyMap<string, { stacks: StackJson[]; protectedByStack: ReadonlyMap<string, boolean> }> = new Map(
  ENVS.map((env) => {
    const resolved = resolveEnv(root, env, WORKLOADS);
    const protectedByStack = new Map(resolved.deployments.map((d) => [d.stackName, d.settings.deletionProtection]));
    return [env.name, { stacks: synthEnvOnce(env), protectedByStack }] as const;
  }),
);

function resourcesOf(envName: string, type: string): { address: string; resource: Resource; protect: boolean }[] {
  const { stacks, protectedByStack } = SYNTH.get(envName)!;
  return stacks.flatMap((s) =>
    Object.entries((s.json.resource?.[type] ?? {}) as Record<string, Resource>).map(([name, resource]) => ({
      address: `${s.stackName}/${type}.${name}`,
      resource,
      protect: protectedByStack.get(s.stackName)! || ALWAYS_PROTECTED.test(`${s.stackName}/${type}.${name}`),
    })),
  );
}

/**
 * The account's audit record (account/foundation's CloudTrail key and Object Lock bucket) is protected in
 * every env, dev and staging too (docs/destroy-protection.md, ADR 0065): its log files cannot be deleted
 * before their lock expires, so the bucket outlives any destroy, and destroying the key would leave them
 * unreadable.
 */
const ALWAYS_PROTECTED = /-account-foundation\/aws_(s3_bucket|kms_key)\.audit-trail_/;

const preventDestroy = (r: Resource) => (r["lifecycle"] as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true;

describe("destroy protection of stateful resources", () => {
  it("uat and prod turn deletion protection on everywhere; dev and staging off (seed 004 data protection table)", () => {
    for (const env of ["uat", "prod"]) expect([...SYNTH.get(env)!.protectedByStack.values()].every(Boolean), env).toBe(true);
    for (const env of ["dev", "staging"]) expect([...SYNTH.get(env)!.protectedByStack.values()].some(Boolean), env).toBe(false);
  });

  const cases = ENVS.flatMap((env) => Object.keys(PROTECTION).map((type) => [env.name, type] as const));
  it.each(cases)("%s: %s", (envName, type) => {
    const problems: string[] = [];
    for (const { address, resource, protect } of resourcesOf(envName, type)) {
      const rule = PROTECTION[type]!;
      if (protect) {
        if (!preventDestroy(resource)) problems.push(`${address}: no lifecycle.prevent_destroy`);
        const p = rule.on(resource);
        if (p) problems.push(`${address}: ${p} (${rule.attributes})`);
      } else {
        if (preventDestroy(resource))
          problems.push(`${address}: prevent_destroy although settings.deletionProtection is false (terraform destroy must work here)`);
        const p = rule.off?.(resource);
        if (p) problems.push(`${address}: ${p} (deletionProtection is off)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the account audit trail's key and bucket keep prevent_destroy in every env (Object Lock outlives a destroy)", () => {
    for (const env of ENVS) {
      const audit = ["aws_s3_bucket", "aws_kms_key"].flatMap((t) => resourcesOf(env.name, t)).filter((r) => ALWAYS_PROTECTED.test(r.address));
      expect(
        audit.map((r) => [r.address.replace(/_[0-9A-F]{8}$/, ""), preventDestroy(r.resource)]),
        env.name,
      ).toEqual([
        [`${env.name}-us-east-1-account-foundation/aws_s3_bucket.audit-trail_bucket`, true],
        [`${env.name}-us-east-1-account-foundation/aws_kms_key.audit-trail_key`, true],
      ]);
    }
  });

  it("finds the stateful types the table is about (the synth is not empty)", () => {
    const present = (env: string) => Object.keys(PROTECTION).filter((t) => resourcesOf(env, t).length > 0);
    expect(present("uat")).toEqual(expect.arrayContaining(["aws_db_instance", "aws_kms_key", "aws_s3_bucket", "aws_route53_zone"]));
    expect(present("prod")).toEqual(
      expect.arrayContaining([
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_dynamodb_table",
        "aws_s3_bucket",
        "aws_elasticache_replication_group",
        "aws_kms_key",
        "aws_secretsmanager_secret",
      ]),
    );
  });
});
