import { kmsInputs } from "@infra/aerologue-inputs";
import { regional } from "../names";
import { aerologueModule } from "../workload";

/** Customer-managed keys (data, compute, logs, alerts) in the primary region and every ARC-012 region. */
export const kms = aerologueModule("security/kms", {
  schema: kmsInputs,
  defaults: (ctx) => ({
    prefix: regional(ctx),
    deletionWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
    globalRegions: [...ctx.workload.globalRegions],
  }),
});
