import { wafInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { kms } from "../security/kms";

/** Seed 003 "AWS WAF" rules: rate limiting, geo blocking, SQL injection, XSS (CLOUDFRONT scope, us-east-1). */
export const waf = milequestModule("edge/waf", {
  schema: wafInputs,
  dependencies: { kms },
  defaults: (ctx: Ctx) => ({
    name: `${ctx.env.name}-milequest-edge`,
    rateLimitPer5Min: ctx.workload.rateLimitPer5Min,
    geoBlockCountries: [...ctx.workload.geoBlockCountries],
    logRetentionDays: ctx.settings.logRetentionDays,
  }),
});
