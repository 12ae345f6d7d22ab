// The account workload's config schemas: plain zod, no cdktf, so the environments/ layer can import them.
import { SERVICE_LINKED_ROLES, type ServiceLinkedRoleService, accountId, awsText } from "@infra/config";
import { z } from "zod";
import { auditTrailInputs } from "./audit-trail";
import { humanAccessInputs } from "./human-access";

export * from "./audit-trail";
export * from "./human-access";

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
  })
  .strict();
export type FoundationInputs = z.infer<typeof foundationInputs>;
