import { defineModule } from "@infra/config";
import { type AerologueConfig, kmsInputs } from "@infra/aerologue-inputs";
import { regional } from "../names";

/** Customer-managed keys (data, compute, logs, alerts) in the primary region and every ARC-012 region. */
export const kms = defineModule<typeof kmsInputs, AerologueConfig>({
  workload: "aerologue",
  category: "aerologue-security",
  module: "kms",
  builder: "aerologue/kms",
  schema: kmsInputs,
  defaults: (ctx) => ({
    prefix: regional(ctx),
    deletionWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
    globalRegions: [...ctx.workload.globalRegions],
  }),
});
