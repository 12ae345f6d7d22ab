import { type Dependency, type RegionName } from "@infra/config";
import { type BackupInputs, backupInputs } from "@infra/platform-inputs";
import { kms } from "../security/kms";
import { platformModule } from "../workload";

/**
 * Seed 004 "EBS Snapshots: Hourly (prod), Daily (uat), Weekly (dev/staging)": an AWS Backup plan per env and
 * region over the platform's EBS volumes tagged BackupRequired = "true" (the ECS hosts'). Defaults are dev's
 * row (weekly); uat and prod override the frequency, prod us-east-1 adds the copy to eu-west-1.
 */
export const backup = platformModule("ops/backup", {
  schema: backupInputs,
  // Seed 004 resource tags over the workload's (ADR 0070). The vault is not itself backed up.
  tags: { service: "backup" },
  // The copy's destination vault is this module's deployment in the DR region: created (applied) first.
  // (A copy into the plan's own region is no dependency: the check below names the mistake instead of a cycle.)
  dependencies: (ctx, inputs: BackupInputs): Record<string, Dependency> => ({
    kms,
    ...(inputs.drCopy && inputs.drCopy.region !== ctx.region.name ? { drVault: { module: backup, region: inputs.drCopy.region as RegionName } } : {}),
  }),
  check: (self) =>
    self.inputs.drCopy?.region === self.region.name
      ? [
          {
            path: "inputs.drCopy.region",
            value: self.region.name,
            allowed: "another region of the env: a copy into the plan's own region protects nothing against a regional outage",
          },
        ]
      : [],
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-platform-ebs`,
    frequency: "weekly" as const,
    // The env's backup retention (seed 004: 7 dev, 14 staging/uat, 30 prod), the same as its RDS backups.
    retentionDays: settings.backupRetentionDays,
    deletionProtection: settings.deletionProtection,
  }),
});
