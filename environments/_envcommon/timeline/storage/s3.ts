import { timelineStorageInputs } from "@infra/timeline-inputs";
import { kms } from "../security/kms";
import { timelineModule } from "../workload";

/**
 * Seed 002 storage: the private backup bucket (versioned, archived to IA → Glacier → Deep Archive)
 * and the access-log bucket; in a DR region also the replica of the assets bucket.
 */
export const s3 = timelineModule("storage/s3", {
  builder: "storage",
  schema: timelineStorageInputs,
  dependencies: { kms },
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-timeline`,
    mode: region.role === "primary" ? ("primary" as const) : ("replica" as const),
    replicateToDr: false,
    backups: {
      transitions: [
        { storageClass: "STANDARD_IA" as const, days: 30 },
        { storageClass: "GLACIER" as const, days: 90 },
        { storageClass: "DEEP_ARCHIVE" as const, days: 180 },
      ],
      expirationDays: 365,
      noncurrentTransitions: [{ storageClass: "GLACIER" as const, days: 30 }],
      noncurrentExpirationDays: 90,
    },
    assets: { transitions: [], noncurrentTransitions: [{ storageClass: "STANDARD_IA" as const, days: 30 }], noncurrentExpirationDays: 90 },
    logExpirationDays: 90,
    deletionProtection: settings.deletionProtection,
  }),
});
