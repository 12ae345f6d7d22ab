import { type BadConfigCase, FILES, env, inputCase, staging, uat, withInputs, withWorkload } from "./variants";

type EnvName = keyof typeof FILES;
const ROLES = "us-east-1/account/foundation.inputs.humanAccess.roles";
const withRoles = (name: EnvName, roles: Record<string, unknown>) => withInputs(env(name), "us-east-1", "account/foundation", { humanAccess: { roles } });
/** One bad value in the foundation's inputs, reported against the env's account.ts. */
const foundationCase = (name: string, envName: EnvName, inputs: Record<string, unknown>, allowed: string) =>
  inputCase(name, () => env(envName), "account/foundation", inputs, FILES[envName].account, allowed);
/** One bad value in the seed's user-role table. */
const rolesCase = (name: string, envName: EnvName, roles: Record<string, unknown>, allowed: string) =>
  foundationCase(name, envName, { humanAccess: { roles } }, allowed);

/** The account foundation: audit trail values and the seed's user-role table (seed 004, ADR 0065). */
export const ACCOUNT_CASES: readonly BadConfigCase[] = [
  foundationCase("trail retention under the seed's 1 year", "dev", { auditTrail: { retentionDays: 90 } }, "must be one of 365, 400, 545, 731"),
  foundationCase(
    "trail retention that CloudWatch Logs cannot keep (366 days)",
    "prod",
    { auditTrail: { retentionDays: 366 } },
    "CloudWatch Logs retention values of at least seed 004's 1 year",
  ),
  foundationCase("an Object Lock mode S3 does not have", "prod", { auditTrail: { lockMode: "LEGAL_HOLD" } }, '"COMPLIANCE"'),
  inputCase(
    "a data-event bucket that is not an S3 bucket name",
    staging,
    "account/foundation",
    { auditTrail: { dataEventBuckets: ["Acme_Uploads"] } },
    FILES.staging.account,
    "must be an S3 bucket name",
    { at: "auditTrail.dataEventBuckets.0" },
  ),
  inputCase(
    "a data-event bucket name S3 refuses for its form (adjacent periods)",
    staging,
    "account/foundation",
    { auditTrail: { dataEventBuckets: ["acme..uploads"] } },
    FILES.staging.account,
    "must be an S3 bucket name: no two adjacent periods",
    { at: "auditTrail.dataEventBuckets.0" },
  ),
  {
    name: "an identity account id that is not an account id (no wildcard principal)",
    variant: () => withWorkload(uat(), "account", { identityAccountId: "*" }),
    expect: { level: FILES.uat.env, path: "workloads.account.identityAccountId", value: '"*"', allowed: "must be a 12-digit AWS account id" },
  },
  rolesCase(
    "a Developer role in prod (seed: dev/staging only)",
    "prod",
    { developer: { access: "power-user" } },
    '"none" in prod (seed 004 IAM User Roles: Developer (dev/staging only))',
  ),
  rolesCase(
    "DevOps with write access in prod (seed: read-only prod)",
    "prod",
    { devops: { access: "administrator" } },
    '"read-only" in prod (seed 004 IAM User Roles: DevOps (all environments, read-only prod))',
  ),
  rolesCase(
    "no DevOps role in an env (seed: all environments)",
    "uat",
    { devops: { access: "none" } },
    '"read-only" or "power-user" or "administrator" in uat',
  ),
  rolesCase(
    "an Admin role outside prod (seed: prod)",
    "staging",
    { admin: { access: "administrator" } },
    '"none" in staging (seed 004 IAM User Roles: Admin (prod, requires MFA))',
  ),
  rolesCase("an access level IAM has no managed policy for", "dev", { developer: { access: "poweruser" } }, '"power-user"'),
  {
    name: "two roles with one IAM name",
    variant: () => withRoles("dev", { developer: { name: "dev-people" }, devops: { name: "dev-people" } }),
    expect: { level: FILES.dev.account, path: ROLES, value: '"dev-people"', allowed: "a different IAM role name for each role" },
  },
  foundationCase("an MFA age IAM cannot check (0 s)", "dev", { humanAccess: { mfaMaxAgeSeconds: 0 } }, "must be >= 60"),
];
