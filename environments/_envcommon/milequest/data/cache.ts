import { cacheInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, milequestModule } from "../common";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";

/** Seed 003 "ElastiCache Serverless Redis": usage limits cap the $/GB-hour and ECPU bill. */
export const cache = milequestModule("data/cache", {
  schema: cacheInputs,
  dependencies: { vpc, kms },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    maxDataStorageGb: 1,
    maxEcpuPerSecond: 5000,
    snapshotRetentionDays: ctx.settings.deletionProtection ? 7 : 1,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
