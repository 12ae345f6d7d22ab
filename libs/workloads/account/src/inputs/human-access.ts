import { type CheckIssue, type EnvName, accountId, awsText } from "@infra/config";
import { z } from "zod";

/** The seed's user roles, by config key. */
export const HUMAN_ROLES = ["developer", "devops", "admin"] as const;
export type HumanRole = (typeof HUMAN_ROLES)[number];

/**
 * What a role may do in an env: `none` (the role does not exist there), or the AWS managed
 * job-function policy it gets (`read-only` ReadOnlyAccess, `power-user` PowerUserAccess,
 * `administrator` AdministratorAccess). `none` is explicit because an override can never erase a value.
 */
export const humanAccessLevel = z.enum(["none", "read-only", "power-user", "administrator"]);
export type HumanAccessLevel = z.infer<typeof humanAccessLevel>;

/**
 * Seed 004 IAM "User Roles (assumed by developers)", as the access each role may have per env:
 * Developer (dev/staging only), DevOps (all environments, read-only prod), Admin (prod, requires
 * MFA). Config picks within these; anything else is a config error citing the seed.
 */
export const SEED_004_USER_ROLES: Readonly<Record<HumanRole, { readonly seed: string; readonly allowed: (env: EnvName) => readonly HumanAccessLevel[] }>> = {
  developer: {
    seed: "Developer (dev/staging only)",
    // Never administrator: developers do not manage IAM (least privilege, ADR 0065).
    allowed: (env) => (env === "dev" || env === "staging" ? ["none", "read-only", "power-user"] : ["none"]),
  },
  devops: {
    seed: "DevOps (all environments, read-only prod)",
    allowed: (env) => (env === "prod" ? ["read-only"] : ["read-only", "power-user", "administrator"]),
  },
  admin: {
    seed: "Admin (prod, requires MFA)",
    allowed: (env) => (env === "prod" ? ["administrator"] : ["none"]),
  },
};

/**
 * The defaults per env (ADR 0065): Developer power-user in dev and staging; DevOps administrator
 * outside prod (they apply the stacks there, IAM included: the CI role covers dev and staging
 * only) and read-only in prod; Admin administrator in prod.
 */
export function defaultHumanAccess(env: EnvName): Record<HumanRole, HumanAccessLevel> {
  return {
    developer: env === "dev" || env === "staging" ? "power-user" : "none",
    devops: env === "prod" ? "read-only" : "administrator",
    admin: env === "prod" ? "administrator" : "none",
  };
}

const role = z
  .object({
    /** IAM role name. */
    name: awsText("iamName"),
    /** What the role may do in this env (checked against SEED_004_USER_ROLES). */
    access: humanAccessLevel,
  })
  .strict();

/** `humanAccess` of account/foundation. */
export const humanAccessInputs = z
  .object({
    /** The account whose root (and so whose IAM policies) may assume the roles, with MFA. */
    identityAccountId: accountId,
    /** A role may be assumed only this many seconds after the MFA sign-in (`aws:MultiFactorAuthAge`). */
    mfaMaxAgeSeconds: z.number().int().min(60).max(43200),
    /** Longest role session (IAM accepts 3600..43200). */
    maxSessionSeconds: z.number().int().min(3600).max(43200),
    roles: z.object({ developer: role, devops: role, admin: role }).strict(),
  })
  .strict();
export type HumanAccessInputs = z.infer<typeof humanAccessInputs>;

/** The seed's table against the config of one env: one issue per role outside it. */
export function humanAccessIssues(env: EnvName, inputs: HumanAccessInputs): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const r of HUMAN_ROLES) {
    const rule = SEED_004_USER_ROLES[r];
    const allowed = rule.allowed(env);
    const access = inputs.roles[r].access;
    if (!allowed.includes(access)) {
      issues.push({
        path: `inputs.humanAccess.roles.${r}.access`,
        value: access,
        allowed: `${allowed.map((a) => `"${a}"`).join(" or ")} in ${env} (seed 004 IAM User Roles: ${rule.seed})`,
      });
    }
  }
  const names = HUMAN_ROLES.filter((r) => inputs.roles[r].access !== "none").map((r) => inputs.roles[r].name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup)
    issues.push({ path: "inputs.humanAccess.roles", value: dup, allowed: "a different IAM role name for each role (IAM role names are unique in an account)" });
  return issues;
}
