import { type BadConfigCase, env, withInputs, withWorkload } from "./variants";

const at = (name: string) => `environments/${name}/us-east-1/account.ts`;
const TRAIL = "us-east-1/account/foundation.inputs.auditTrail";
const ROLES = "us-east-1/account/foundation.inputs.humanAccess.roles";
const withRoles = (name: "dev" | "staging" | "uat" | "prod", roles: Record<string, unknown>) =>
  withInputs(env(name), "us-east-1", "account/foundation", { humanAccess: { roles } });

/** The account foundation: audit trail values and the seed's user-role table (seed 004, ADR 0065). */
export const ACCOUNT_CASES: readonly BadConfigCase[] = [
  {
    name: "trail retention under the seed's 1 year",
    variant: () => withInputs(env("dev"), "us-east-1", "account/foundation", { auditTrail: { retentionDays: 90 } }),
    expect: { level: "environments/dev/us-east-1/account.ts", path: `${TRAIL}.retentionDays`, value: "90", allowed: "must be one of 365, 400, 545, 731" },
  },
  {
    name: "trail retention that CloudWatch Logs cannot keep (366 days)",
    variant: () => withInputs(env("prod"), "us-east-1", "account/foundation", { auditTrail: { retentionDays: 366 } }),
    expect: {
      level: "environments/prod/us-east-1/account.ts",
      path: `${TRAIL}.retentionDays`,
      value: "366",
      allowed: "CloudWatch Logs retention values of at least seed 004's 1 year",
    },
  },
  {
    name: "an Object Lock mode S3 does not have",
    variant: () => withInputs(env("prod"), "us-east-1", "account/foundation", { auditTrail: { lockMode: "LEGAL_HOLD" } }),
    expect: { level: "environments/prod/us-east-1/account.ts", path: `${TRAIL}.lockMode`, value: '"LEGAL_HOLD"', allowed: '"COMPLIANCE"' },
  },
  {
    name: "a data-event bucket that is not an S3 bucket name",
    variant: () => withInputs(env("staging"), "us-east-1", "account/foundation", { auditTrail: { dataEventBuckets: ["Acme_Uploads"] } }),
    expect: {
      level: "environments/staging/us-east-1/account.ts",
      path: `${TRAIL}.dataEventBuckets.0`,
      value: '"Acme_Uploads"',
      allowed: "must be an S3 bucket name",
    },
  },
  {
    name: "an identity account id that is not an account id (no wildcard principal)",
    variant: () => withWorkload(env("uat"), "account", { identityAccountId: "*" }),
    expect: { level: "environments/uat/env.ts", path: "workloads.account.identityAccountId", value: '"*"', allowed: "must be a 12-digit AWS account id" },
  },
  {
    name: "a Developer role in prod (seed: dev/staging only)",
    variant: () => withRoles("prod", { developer: { access: "power-user" } }),
    expect: {
      level: at("prod"),
      path: `${ROLES}.developer.access`,
      value: '"power-user"',
      allowed: '"none" in prod (seed 004 IAM User Roles: Developer (dev/staging only))',
    },
  },
  {
    name: "DevOps with write access in prod (seed: read-only prod)",
    variant: () => withRoles("prod", { devops: { access: "administrator" } }),
    expect: {
      level: at("prod"),
      path: `${ROLES}.devops.access`,
      value: '"administrator"',
      allowed: '"read-only" in prod (seed 004 IAM User Roles: DevOps (all environments, read-only prod))',
    },
  },
  {
    name: "no DevOps role in an env (seed: all environments)",
    variant: () => withRoles("uat", { devops: { access: "none" } }),
    expect: { level: at("uat"), path: `${ROLES}.devops.access`, value: '"none"', allowed: '"read-only" or "power-user" or "administrator" in uat' },
  },
  {
    name: "an Admin role outside prod (seed: prod)",
    variant: () => withRoles("staging", { admin: { access: "administrator" } }),
    expect: {
      level: at("staging"),
      path: `${ROLES}.admin.access`,
      value: '"administrator"',
      allowed: '"none" in staging (seed 004 IAM User Roles: Admin (prod, requires MFA))',
    },
  },
  {
    name: "an access level IAM has no managed policy for",
    variant: () => withRoles("dev", { developer: { access: "poweruser" } }),
    expect: { level: "environments/dev/us-east-1/account.ts", path: `${ROLES}.developer.access`, value: '"poweruser"', allowed: '"power-user"' },
  },
  {
    name: "two roles with one IAM name",
    variant: () => withRoles("dev", { developer: { name: "dev-people" }, devops: { name: "dev-people" } }),
    expect: { level: at("dev"), path: ROLES, value: '"dev-people"', allowed: "a different IAM role name for each role" },
  },
  {
    name: "an MFA age IAM cannot check (0 s)",
    variant: () => withInputs(env("dev"), "us-east-1", "account/foundation", { humanAccess: { mfaMaxAgeSeconds: 0 } }),
    expect: {
      level: "environments/dev/us-east-1/account.ts",
      path: "us-east-1/account/foundation.inputs.humanAccess.mfaMaxAgeSeconds",
      value: "0",
      allowed: "must be >= 60",
    },
  },
];
