import { kmsInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, milequestModule } from "../common";

/** Seed 003 "KMS Keys": logs, s3, aurora, app, alerts keys per region. */
export const kms = milequestModule("security/kms", {
  schema: kmsInputs,
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    deletionWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
