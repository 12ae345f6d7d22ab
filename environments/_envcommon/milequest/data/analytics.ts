import { analyticsInputs } from "@infra/milequest-inputs";
import { type Ctx, bucketPrefix, milequestModule } from "../common";
import { s3 } from "./s3";
import { kms } from "../security/kms";

/** Seed 003 "Athena" over the data lake (events table) and over the account's CUR 2.0 export (cost section "CUR → Athena"). */
export const analytics = milequestModule("data/analytics", {
  schema: analyticsInputs,
  dependencies: { kms, s3 },
  defaults: (ctx: Ctx) => ({
    name: bucketPrefix(ctx),
    glueDatabase: `milequest_${ctx.env.name}`,
    // 10 GB per query: a runaway query costs at most $0.05.
    bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
    resultExpirationDays: 30,
    // Mile Quest's analytics path went live with this repo's first apply; older days hold no events.
    eventsFrom: "2026-01-01",
    // Each env is its own account, and this deployment owns that account's cost export (docs/adr/0110):
    // daily line items with resource ids (cost per function, table, bucket), Parquet for Athena.
    costExport: { kind: "owner" as const, timeGranularity: "DAILY" as const, includeResources: true, billingPeriodsFrom: "2026-01" },
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
