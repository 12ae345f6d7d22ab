import { timelineGovernanceInputs } from "@infra/timeline-inputs";
import { kms } from "../security/kms";
import { s3 } from "../storage/s3";
import { timelineModule } from "../workload";

/**
 * Seed 002 compliance and cost: AWS Config (recorder, delivery to an encrypted bucket, managed rules)
 * in every region of the workload, and the monthly budget (amount and recipients from env.ts) in the
 * primary region, since budgets are global.
 */
export const governance = timelineModule("ops/governance", {
  schema: timelineGovernanceInputs,
  dependencies: {
    kms,
    storage: s3,
  },
  defaults: ({ env, region, settings, workload }) => ({
    name: `${env.name}-${region.name}-timeline`,
    includeGlobalResourceTypes: region.role === "primary",
    extraConfigRules: [
      "DB_INSTANCE_BACKUP_ENABLED",
      "ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK",
      "S3_BUCKET_VERSIONING_ENABLED",
      "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS",
    ],
    configHistoryDays: 365,
    budget:
      region.role === "primary"
        ? { enabled: true as const, monthlyLimitUsd: workload.budget.monthlyLimitUsd, emails: [...workload.budget.emails] }
        : { enabled: false as const },
    deletionProtection: settings.deletionProtection,
  }),
});
