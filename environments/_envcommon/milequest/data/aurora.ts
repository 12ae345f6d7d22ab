import { auroraInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, milequestModule } from "../common";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";

/** Seed 003 "Aurora Serverless v2 PostgreSQL + PostGIS": staging's row; prod overrides capacity and joins a global database. */
export const aurora = milequestModule("data/aurora", {
  schema: auroraInputs,
  dependencies: { vpc, kms },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    // 16.x is the newest major with PostGIS 3.4 on Aurora Serverless v2 and global databases.
    engineVersion: "16.6",
    databaseName: "milequest",
    minAcu: 0.5,
    maxAcu: 4,
    instances: 2,
    backupRetentionDays: ctx.settings.backupRetentionDays,
    deletionProtection: ctx.settings.deletionProtection,
    logRetentionDays: ctx.settings.logRetentionDays,
    global: "none" as const,
  }),
});
