// The account workload's config schemas: plain zod, no cdktf, so the environments/ layer can import them.
import { SERVICE_LINKED_ROLES, type ServiceLinkedRoleService, accountId, awsText } from "@infra/config";
import { z } from "zod";
import { auditTrailInputs } from "./audit-trail";
import { humanAccessInputs } from "./human-access";

export * from "./audit-trail";
export * from "./human-access";

/** An ECR repository name prefix (the start of repository names, no wildcard). */
const ecrPrefix = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._\/-]*$/, { message: "must be the start of ECR repository names (lowercase letters, digits, . _ - /), no wildcard" });
const ecrPrefixes = z.array(ecrPrefix).refine((xs) => new Set(xs).size === xs.length, { message: "must not repeat a prefix" });

const slrService = z.enum(Object.keys(SERVICE_LINKED_ROLES) as [ServiceLinkedRoleService, ...ServiceLinkedRoleService[]]);

/**
 * `workloads.account` in env.ts: facts about the env's AWS account (one env per account) that no
 * stack can discover at synth.
 */
export const accountConfig = z
  .object({
    /**
     * Service-linked roles that already exist in the account (AWS creates AWSServiceRoleForRDS,
     * ...ForECS, ...ForElastiCache on first use of the service, so an account that ran them before
     * this repo has them). The foundation imports these (Terraform `import` blocks) instead of
     * creating them, which IAM would refuse. Check with
     * `aws iam list-roles --path-prefix /aws-service-role/ --query 'Roles[].Arn'`.
     */
    existingServiceLinkedRoles: z.array(slrService),
    /**
     * The account people sign in to (an identity account, or this account itself): the human roles
     * (seed 004 "User Roles") trust its root, with MFA. No default: which account that is, is a
     * fact of the organization every env states.
     */
    identityAccountId: accountId,
    /**
     * The account's approved monthly SNS SMS spend, in whole USD. A new account's is 1; a higher
     * value needs AWS's approval first (a support case), or SetSMSAttributes refuses it.
     */
    smsMonthlySpendLimitUsd: z.number().int().min(1).max(1_000_000),
    /**
     * ECR repositories (by name prefix) whose images the account's registry replicates from the primary
     * region to each other region where a stack of the env creates a repository of the same name (a
     * workload's DR copy, e.g. AccountabilityAtlas phase 4 in us-west-2, ADR 0106). The registry's
     * replication configuration is one per account and region: account/foundation owns it. @default []
     */
    ecrReplicationPrefixes: ecrPrefixes,
  })
  .strict();
export type AccountConfig = z.infer<typeof accountConfig>;

/** Inputs of account/foundation. */
export const foundationInputs = z
  .object({
    /** See `accountConfig.existingServiceLinkedRoles`. */
    existingServiceLinkedRoles: z.array(slrService),
    /** The one IAM role API Gateway logs to CloudWatch with, in every region of the account. */
    apiGatewayCloudWatchRoleName: awsText("iamName"),
    /** The account's CloudTrail trail (seed 004 "Logging Strategy": CloudTrail, S3 + CloudWatch, 1 year). */
    auditTrail: auditTrailInputs,
    /** The roles people assume (seed 004 IAM "User Roles"). */
    humanAccess: humanAccessInputs,
    /**
     * The account's SNS SMS settings (aws_sns_sms_preferences, an account-and-region singleton),
     * set in each region where a stack of the env subscribes a phone number.
     */
    sms: z
      .object({
        /** Transactional: alarms go out with the higher delivery priority (and are not filtered as marketing). */
        defaultSmsType: z.enum(["Transactional", "Promotional"]),
        /** See `accountConfig.smsMonthlySpendLimitUsd`. */
        monthlySpendLimitUsd: z.number().int().min(1).max(1_000_000),
      })
      .strict(),
    /**
     * The registry's cross-region replication (aws_ecr_replication_configuration, an account-and-region
     * singleton) of the repositories under these name prefixes, to each region where a stack of the env
     * has a repository of the same name (its encryption, lifecycle and tag rules are that stack's; ECR
     * replicates into an existing repository). None matching: no replication configuration.
     */
    ecrReplication: z.object({ repositoryPrefixes: ecrPrefixes }).strict(),
  })
  .strict();
export type FoundationInputs = z.infer<typeof foundationInputs>;
