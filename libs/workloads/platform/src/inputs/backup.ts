import { regionName } from "@infra/config";
import { z } from "zod";

const retentionDays = z.number().int().min(1).max(36500);

/**
 * Inputs of ops/backup: seed 004's EBS snapshot table ("Hourly (prod), Daily (uat), Weekly (dev/staging)")
 * for the ECS hosts' volumes, and in prod the copy of every recovery point to the DR region's vault.
 */
export const backupInputs = z
  .object({
    /** Name of the vault, plan and selection, e.g. "prod-us-east-1-platform-ebs". */
    name: z.string().regex(/^[a-zA-Z0-9_.-]{2,50}$/, { message: "must be 2-50 letters, digits, _ . - (an AWS Backup vault name)" }),
    /** How often the volumes are snapshotted (seed 004: hourly prod, daily uat, weekly dev/staging). */
    frequency: z.enum(["hourly", "daily", "weekly"]),
    /** Days a snapshot is kept (the env's backup retention: 7 dev, 14 staging/uat, 30 prod). */
    retentionDays,
    /**
     * Copy every recovery point to the vault of this module's deployment in another region of the
     * env (prod: eu-west-1, seed 004 "EBS: Latest snapshot" restorable there). @default no copy
     */
    drCopy: z.object({ region: regionName, retentionDays }).strict().optional(),
    /** `prevent_destroy` on the vault (a destroy would fail on its recovery points anyway). */
    deletionProtection: z.boolean(),
  })
  .strict();
export type BackupInputs = z.infer<typeof backupInputs>;
