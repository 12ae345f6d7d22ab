import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

/**
 * What a person may do in the account, as the AWS managed job-function policy that grants it:
 * `administrator` AdministratorAccess, `power-user` PowerUserAccess (everything but IAM,
 * Organizations and account settings), `read-only` ReadOnlyAccess.
 */
export type HumanAccess = "administrator" | "power-user" | "read-only";

export const MANAGED_POLICY_OF_ACCESS: Readonly<Record<HumanAccess, string>> = {
  administrator: "AdministratorAccess",
  "power-user": "PowerUserAccess",
  "read-only": "ReadOnlyAccess",
};

export interface HumanRoleSpec {
  /** Role name (IAM: 1-64 of `[\w+=,.@-]`). */
  readonly name: string;
  readonly access: HumanAccess;
  /** Role description shown in the console. */
  readonly description: string;
}

/** The audit trail's resources, which roles below `administrator` may read but never switch off or weaken. */
export interface ProtectedAudit {
  readonly trailArn: string;
  readonly bucketArn: string;
  readonly keyArn: string;
  readonly logGroupArn: string;
}

export interface HumanRolesProps {
  /** The account people sign in to (an identity account, or this one): its root principal is trusted, with MFA. */
  readonly trustedAccountId: string;
  readonly roles: readonly HumanRoleSpec[];
  /** A session may be started only this many seconds after the MFA sign-in (`aws:MultiFactorAuthAge`), 60..43200. @default 3600 */
  readonly mfaMaxAgeSeconds?: number;
  /** Longest session, 3600..43200 seconds. @default 3600 */
  readonly maxSessionSeconds?: number;
  /** Deny roles below `administrator` every change to the audit trail. @default none */
  readonly protectedAudit?: ProtectedAudit;
  /** @default "aws" */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Changes that would stop, redirect, shorten or unlock the audit record. */
function auditGuard(audit: ProtectedAudit): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: "KeepTrail",
      effect: "Deny",
      actions: ["cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail"],
      resources: [audit.trailArn],
    },
    {
      sid: "KeepTrailBucket",
      effect: "Deny",
      actions: [
        "s3:DeleteBucket",
        "s3:DeleteBucketPolicy",
        "s3:PutBucketLogging",
        "s3:PutBucketObjectLockConfiguration",
        "s3:PutBucketPolicy",
        "s3:PutBucketVersioning",
        "s3:PutEncryptionConfiguration",
        "s3:PutLifecycleConfiguration",
      ],
      resources: [audit.bucketArn],
    },
    {
      sid: "KeepTrailKey",
      effect: "Deny",
      actions: ["kms:DisableKey", "kms:DisableKeyRotation", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"],
      resources: [audit.keyArn],
    },
    {
      sid: "KeepTrailLogGroup",
      effect: "Deny",
      actions: ["logs:DeleteLogGroup", "logs:DeleteRetentionPolicy", "logs:DisassociateKmsKey", "logs:PutRetentionPolicy"],
      resources: [audit.logGroupArn, `${audit.logGroupArn}:*`],
    },
  ];
}

/**
 * Roles people assume from a trusted account, only with MFA (`aws:MultiFactorAuthPresent` and a
 * recent `aws:MultiFactorAuthAge`), each granted one AWS managed job-function policy. No wildcard
 * principal: the trusted account's root, whose own IAM policies decide who in it may assume.
 */
export class HumanRoles extends Construct {
  /** Role ARNs by role name. */
  readonly roleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: HumanRolesProps) {
    super(scope, id);
    markLibrary(this, "governance");
    const partition = props.partition ?? "aws";
    const mfaMaxAge = props.mfaMaxAgeSeconds ?? 3600;
    const maxSession = props.maxSessionSeconds ?? 3600;
    const errors: string[] = [];
    if (!/^\d{12}$/.test(props.trustedAccountId)) errors.push(`trustedAccountId "${props.trustedAccountId}" must be a 12-digit AWS account id`);
    if (!Number.isInteger(mfaMaxAge) || mfaMaxAge < 60 || mfaMaxAge > 43200)
      errors.push(`mfaMaxAgeSeconds ${mfaMaxAge} must be a whole number from 60 to 43200`);
    if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200)
      errors.push(`maxSessionSeconds ${maxSession} must be a whole number from 3600 to 43200 (IAM's range)`);
    const names = props.roles.map((r) => r.name);
    for (const r of props.roles) if (!/^[\w+=,.@-]{1,64}$/.test(r.name)) errors.push(`role name "${r.name}" must be 1-64 letters, digits or "+=,.@_-"`);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) errors.push(`role name "${dup}" is used twice`);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          sid: "AssumeWithMfa",
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "AWS", identifiers: [`arn:${partition}:iam::${props.trustedAccountId}:root`] }],
          condition: [
            { test: "Bool", variable: "aws:MultiFactorAuthPresent", values: ["true"] },
            { test: "NumericLessThan", variable: "aws:MultiFactorAuthAge", values: [String(mfaMaxAge)] },
          ],
        },
      ],
    });
    const guarded = props.protectedAudit !== undefined && props.roles.some((r) => r.access === "power-user");
    const guard = guarded ? new DataAwsIamPolicyDocument(this, "audit-guard", { statement: auditGuard(props.protectedAudit!) }) : undefined;

    const arns: Record<string, string> = {};
    for (const spec of props.roles) {
      const role = new IamRole(this, spec.name, {
        name: spec.name,
        description: spec.description,
        assumeRolePolicy: trust.json,
        maxSessionDuration: maxSession,
        tags: { ...(props.tags ?? {}), Name: spec.name },
      });
      new IamRolePolicyAttachment(this, `${spec.name}-access`, {
        role: role.name,
        policyArn: `arn:${partition}:iam::aws:policy/${MANAGED_POLICY_OF_ACCESS[spec.access]}`,
      });
      // power-user may write almost everywhere (read-only cannot write at all; administrators own the trail).
      if (guard && spec.access === "power-user")
        new IamRolePolicy(this, `${spec.name}-audit-guard`, { name: "keep-audit-trail", role: role.id, policy: guard.json });
      arns[spec.name] = role.arn;
    }
    this.roleArns = arns;
  }
}
