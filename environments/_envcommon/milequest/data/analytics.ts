import { defineModule } from "@infra/config";
import { analyticsInputs } from "@infra/milequest-inputs";
import { type Ctx, bucketPrefix } from "../common";
import { s3 } from "./s3";
import { kms } from "../security/kms";

/** Seed 003 "Athena" over the data lake: an encrypted-results workgroup and a Glue database. */
export const analytics = defineModule({
  workload: "milequest",
  category: "milequest-data",
  module: "analytics",
  builder: "milequest/analytics",
  schema: analyticsInputs,
  dependencies: { kms, s3 },
  defaults: (ctx: Ctx) => ({
    name: bucketPrefix(ctx),
    glueDatabase: `milequest_${ctx.env.name}`,
    // 10 GB per query: a runaway query costs at most $0.05.
    bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
    resultExpirationDays: 30,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
