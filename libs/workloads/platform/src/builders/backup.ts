import { BackupPlan } from "@infra/backup";
import type { StackBuilder } from "@infra/core";
import type { BackupInputs } from "../inputs/backup";
import { buildKms } from "./kms";

export interface BackupOutputs {
  readonly plan: BackupPlan;
}

/** Every EBS volume of the region; `allTags` narrows it to the platform's volumes that ask for backups. */
export const EBS_VOLUMES = "arn:aws:ec2:*:*:volume/*";

/**
 * Seed 004's EBS snapshots: a vault encrypted with the region's data key, a plan at the env's frequency and
 * retention, over the EBS volumes tagged Workload = platform and BackupRequired = "true" (the ECS hosts'
 * root volumes, tagged by their launch template; RDS carries the tag too but has its own automated backups,
 * and the ARN pattern keeps it out). With `drCopy`, each recovery point is copied to the DR region's vault
 * (its own deployment of this module, a dependency, so it exists before the copy rule names it).
 */
export const buildBackup: StackBuilder<BackupInputs, BackupOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const drVault = inputs.drCopy ? ctx.dependencyOn("drVault", buildBackup).plan.vaultArn : undefined;
  const plan = new BackupPlan(stack, "ebs", {
    name: inputs.name,
    kmsKeyArn: keys.data.keyArn,
    rules: [
      {
        name: `ebs-${inputs.frequency}`,
        schedule: { frequency: inputs.frequency },
        retentionDays: inputs.retentionDays,
        ...(drVault && inputs.drCopy ? { copyTo: [{ destinationVaultArn: drVault, retentionDays: inputs.drCopy.retentionDays }] } : {}),
      },
    ],
    selection: { resourceArns: [EBS_VOLUMES], allTags: { Workload: ctx.deployment.workload, BackupRequired: "true" } },
    deletionProtection: inputs.deletionProtection,
  });
  return { plan };
};
