import { REPLICAS_NEED_ROTATED_SECRET, masterCredentialsInput } from "@infra/config";
import { engineVersionPinError, minimumStorage, validateInstanceClass } from "@infra/rds/engine";
import { z } from "zod";
import { namePrefix, retentionDays } from "./common";

/**
 * Inputs of timeline-data/rds: seed 002's primary database. PostgreSQL, Multi-AZ (prod), 30-day
 * automated backups, read replicas for reads, and in a DR region a cross-region read replica of the
 * primary region's instance.
 */
export const timelineRdsInputs = z
  .object({
    name: namePrefix,
    /** The PostgreSQL major version ("16"): AWS upgrades minors (docs/adr/0005-engine-versions-and-windows.md). */
    engineVersion: z.string(),
    instanceClass: z.string(),
    allocatedStorageGb: z.number().int().positive(),
    multiAz: z.boolean(),
    /** Seed 002: "Automated backups (30-day retention)". */
    backupRetentionDays: z.number().int().min(1).max(35),
    /** Same-region read replicas "for scaling reads" (primary only). */
    readReplicas: z.number().int().min(0).max(5),
    /** Give each read replica a standby of its own (prod: replicas are part of the HA read path). */
    replicaMultiAz: z.boolean(),
    enhancedMonitoringInterval: z.union([z.literal(0), z.literal(1), z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)]),
    deletionProtection: z.boolean(),
    /** rds.force_ssl. Seed 002 security considerations: "Encryption for data in transit". */
    forceSsl: z.boolean(),
    logRetentionDays: retentionDays,
    /** This instance is a cross-region read replica of the primary region's (needs a "primary" dependency). */
    replicaOfPrimary: z.boolean(),
    /** Master password of a primary: a source of replicas (same- or cross-region) needs a rotated secret. */
    masterCredentials: masterCredentialsInput,
  })
  .strict()
  .superRefine((v, ctx) => {
    const classError = validateInstanceClass("postgres", v.instanceClass);
    if (classError) ctx.addIssue({ code: "custom", path: ["instanceClass"], message: classError });
    const versionError = engineVersionPinError("postgres", v.engineVersion);
    if (versionError) ctx.addIssue({ code: "custom", path: ["engineVersion"], message: versionError });
    const min = minimumStorage("postgres", "gp3");
    if (v.allocatedStorageGb < min) ctx.addIssue({ code: "custom", path: ["allocatedStorageGb"], message: `must be >= ${min} GB for postgres on gp3` });
    if (!v.replicaOfPrimary && v.readReplicas > 0 && v.masterCredentials.mode === "rds-managed") {
      ctx.addIssue({ code: "custom", path: ["readReplicas"], message: `masterCredentials.mode is "rds-managed": ${REPLICAS_NEED_ROTATED_SECRET}` });
    }
    if (v.replicaOfPrimary && v.readReplicas > 0) {
      ctx.addIssue({ code: "custom", path: ["readReplicas"], message: "a cross-region replica has no replicas of its own here; set readReplicas: 0" });
    }
  });
export type TimelineRdsInputs = z.infer<typeof timelineRdsInputs>;
