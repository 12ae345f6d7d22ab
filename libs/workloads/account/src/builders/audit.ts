import type { BuildContext, DeploymentStack } from "@infra/core";
import { AuditTrail, HumanRoles, type HumanRoleSpec } from "@infra/governance";
import { HUMAN_ROLES, type FoundationInputs, type HumanRole } from "../inputs";

const DESCRIPTION: Readonly<Record<HumanRole, string>> = {
  developer: "Developers (seed 004 User Roles: dev/staging only); assumed with MFA",
  devops: "DevOps (seed 004 User Roles: all environments, read-only prod); assumed with MFA",
  admin: "Administrators (seed 004 User Roles: prod, MFA required)",
};

/**
 * The account's audit trail and human roles (seed 004 "Logging Strategy" and IAM "User Roles").
 * The trail records S3 data events of the Terraform state bucket (root.ts `state.bucket`, the one
 * apps/bootstrap creates) and of the configured buckets; the trail bucket's server access logs go
 * to the bootstrap's access-log bucket (`<state bucket>-access-logs`, apps/bootstrap/src/
 * state-backend.ts), which exists before any stack of the account.
 */
export function buildAccountAudit(
  stack: DeploymentStack,
  inputs: FoundationInputs,
  ctx: BuildContext,
): { trailArn: string; humanRoleArns: Readonly<Record<string, string>> } {
  const { auditTrail, humanAccess } = inputs;
  const stateBucket = ctx.env.state.bucket;
  const trail = new AuditTrail(stack, "audit-trail", {
    name: auditTrail.name,
    accountId: ctx.env.accountId,
    region: ctx.deployment.region.name,
    bucketName: auditTrail.bucketName,
    retentionDays: auditTrail.retentionDays,
    lockMode: auditTrail.lockMode,
    dataEventBuckets: [stateBucket, ...auditTrail.dataEventBuckets.filter((b) => b !== stateBucket)],
    accessLogBucketName: `${stateBucket}-access-logs`,
  });

  const roles: HumanRoleSpec[] = [];
  for (const r of HUMAN_ROLES) {
    const { name, access } = humanAccess.roles[r];
    if (access !== "none") roles.push({ name, access, description: DESCRIPTION[r] });
  }
  const human = new HumanRoles(stack, "human-roles", {
    trustedAccountId: humanAccess.identityAccountId,
    roles,
    mfaMaxAgeSeconds: humanAccess.mfaMaxAgeSeconds,
    maxSessionSeconds: humanAccess.maxSessionSeconds,
    protectedAudit: { trailArn: trail.trailArn, bucketArn: trail.bucketArn, keyArn: trail.keyArn, logGroupArn: trail.logGroupArn },
  });
  // The account's administrators read the audit record (the key policy names them).
  const admins = roles.filter((r) => r.access === "administrator").map((r) => human.roleArns[r.name]!);
  if (admins.length > 0) trail.allowLogReaders(admins);
  return { trailArn: trail.trailArn, humanRoleArns: human.roleArns };
}
