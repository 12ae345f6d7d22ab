import type { StackBuilder } from "@infra/core";
import { BASELINE_MANAGED_RULES, Budget, ConfigRecorder } from "@infra/governance";
import { SecureBucket } from "@infra/s3";
import type { TimelineGovernanceInputs } from "../inputs/governance";
import { buildTimelineKms } from "./kms";
import { bucketName, buildTimelineStorage } from "./storage";

export interface TimelineGovernance {
  readonly recorder: ConfigRecorder;
  readonly budget?: Budget;
}

/** Seed 002: "AWS Config for compliance monitoring", "Cost monitoring and budgets". */
export const buildTimelineGovernance: StackBuilder<TimelineGovernanceInputs, TimelineGovernance> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const storage = ctx.dependencyOn("storage", buildTimelineStorage);
  const accountId = ctx.env.accountId;

  const history = new SecureBucket(stack, "config-history", {
    bucketName: bucketName(inputs.name, "config", accountId),
    encryption: { mode: "kms", kmsKeyArn: keys.data.keyArn },
    accessLogs: { targetBucketName: storage.logs.bucketName },
    lifecycleRules: [{ id: "archive", transitions: [{ storageClass: "GLACIER_IR", days: 30 }], expirationDays: inputs.configHistoryDays }],
    deletionProtection: inputs.deletionProtection,
  });
  // AWS Config checks and writes the bucket as its service principal too; only for this account.
  const fromThisAccount = [{ test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] }];
  const config = [{ type: "Service", identifiers: ["config.amazonaws.com"] }];
  history.addToPolicy({
    sid: "AWSConfigBucketCheck",
    effect: "Allow",
    principals: config,
    actions: ["s3:GetBucketAcl", "s3:ListBucket"],
    resources: [history.bucketArn],
    condition: fromThisAccount,
  });
  history.addToPolicy({
    sid: "AWSConfigBucketDelivery",
    effect: "Allow",
    principals: config,
    actions: ["s3:PutObject"],
    resources: [`${history.bucketArn}/AWSLogs/${accountId}/Config/*`],
    condition: [...fromThisAccount, { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
  });

  const recorder = new ConfigRecorder(stack, "config", {
    roleNamePrefix: inputs.name,
    s3BucketName: history.bucketName,
    s3KmsKeyArn: keys.data.keyArn,
    includeGlobalResourceTypes: inputs.includeGlobalResourceTypes,
    rules: [...BASELINE_MANAGED_RULES, ...inputs.extraConfigRules.map((identifier) => ({ identifier }))],
  });

  const budget = inputs.budget.enabled
    ? new Budget(stack, "budget", {
        name: `timeline-${ctx.env.name}-monthly`,
        limitUsd: inputs.budget.monthlyLimitUsd,
        emails: inputs.budget.emails,
        // Only this workload's spend: the Project tag every timeline resource carries (activate it in Billing).
        costFilters: { tags: { Project: [ctx.deployment.provider.defaultTags["Project"]!] } },
      })
    : undefined;
  return { recorder, budget };
};
