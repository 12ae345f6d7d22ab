import { atlasKmsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inDr, inPrimary } from "../features";
import { atlasModule } from "../workload";

/** CMKs per purpose (logs, data, alerts); in the phase-4 DR region, the keys of the copies. */
export const kms = atlasModule("security/kms", {
  schema: atlasKmsInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) || inDr(ctx),
  defaults: (ctx: AtlasContext) => ({
    name: `${ctx.env.name}-${ctx.region.name}-atlas`,
    role: inDr(ctx) ? ("dr" as const) : ("primary" as const),
    deletionWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
