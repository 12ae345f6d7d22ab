import { atlasWafInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inDr, inPrimary, KMS, prefix } from "../features";
import { atlasModule } from "../workload";

/** Phase 3+: WAF on the ALB; phase 4 prod: also on the DR region's ALB (ADR 0106). */
export const waf = atlasModule("edge/waf", {
  schema: atlasWafInputs,
  enabled: (ctx: AtlasContext) => (inPrimary(ctx) && features(ctx).waf) || inDr(ctx),
  dependencies: { kms: KMS },
  defaults: (ctx: AtlasContext) => ({
    name: prefix(ctx),
    logRetentionDays: ctx.settings.logRetentionDays,
    // nginx `limit_req zone=general rate=30r/s` of phase 1, as WAF's 5-minute window.
    rateLimitPer5Min: 9000,
  }),
});
