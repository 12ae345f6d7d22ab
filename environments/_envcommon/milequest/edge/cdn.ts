import { cdnInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { dns } from "./dns";
import { waf } from "./waf";

/** Seed 003 "CloudFront CDN" in front of the REST API (api.<domain>). */
export const cdn = milequestModule("edge/cdn", {
  schema: cdnInputs,
  dependencies: { dns, waf },
  defaults: (ctx: Ctx) => ({
    name: `${ctx.env.name}-milequest-api-${ctx.env.accountId}`,
    apiDomain: `api.${ctx.workload.domain}`,
    originDomain: `api-origin.${ctx.workload.domain}`,
    // Seed 003's users are North American and European: the cheapest price class that serves them.
    priceClass: "PriceClass_100" as const,
    logExpirationDays: 90,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
