import { LOG_RETENTION_DAYS, masterCredentialsInput } from "@infra/config";
import { engineVersionPinError, maxAllocatedStorageError, minimumStorage, validateInstanceClass } from "@infra/rds/engine";
import { z } from "zod";

/** Inputs of data/rds: seed 004's RDS table, one row per env. */
export const rdsInputs = z
  .object({
    name: z.string().min(1),
    engine: z.enum(["postgres", "mysql"]),
    engineVersion: z.string().min(1),
    instanceClass: z.string(),
    allocatedStorageGb: z.number().int().positive(),
    /** Storage autoscaling ceiling in GB; 0 turns autoscaling off. @default twice the allocated storage */
    maxAllocatedStorageGb: z.number().int().min(0).optional(),
    multiAz: z.boolean(),
    backupRetentionDays: z.number().int().min(1).max(35),
    /** 0 turns enhanced monitoring off. */
    enhancedMonitoringInterval: z.union([z.literal(0), z.literal(1), z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)]),
    deletionProtection: z.boolean(),
    /** rds.force_ssl: HTTPS-only envs (seed 004 data protection: uat, prod). */
    forceSsl: z.boolean(),
    logRetentionDays: z.number().refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), {
      message: `must be a CloudWatch Logs retention value: one of ${LOG_RETENTION_DAYS.join(", ")}`,
    }),
    /** A cross-region read replica of the primary region's instance (DR). */
    replicaOfPrimary: z.boolean(),
    /** Master password of a primary: the source of a DR replica needs a rotated secret. */
    masterCredentials: masterCredentialsInput,
  })
  .strict()
  .superRefine((v, ctx) => {
    const classError = validateInstanceClass(v.engine, v.instanceClass);
    if (classError) ctx.addIssue({ code: "custom", path: ["instanceClass"], message: classError });
    const versionError = engineVersionPinError(v.engine, v.engineVersion);
    if (versionError) ctx.addIssue({ code: "custom", path: ["engineVersion"], message: versionError });
    const min = minimumStorage(v.engine, "gp3");
    if (v.allocatedStorageGb < min) {
      ctx.addIssue({ code: "custom", path: ["allocatedStorageGb"], message: `must be >= ${min} GB for ${v.engine} on gp3` });
    }
    const maxStorageError = v.maxAllocatedStorageGb === undefined ? undefined : maxAllocatedStorageError(v.allocatedStorageGb, v.maxAllocatedStorageGb);
    if (maxStorageError) {
      ctx.addIssue({ code: "custom", path: ["maxAllocatedStorageGb"], message: maxStorageError });
    }
  });
export type RdsInputs = z.infer<typeof rdsInputs>;
