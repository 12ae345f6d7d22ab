import { envZoneDelegation, zoneDelegationIssues } from "@infra/config";
import { milequest } from "../workload";
import { zoneInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { kms } from "../security/kms";

/** Seed 003 "Route 53 mile-quest.com": the env's zone (staging: staging.mile-quest.com, delegated from prod's). */
export const dns = milequestModule("edge/dns", {
  builder: "zone",
  schema: zoneInputs,
  dependencies: { kms },
  check: (self, env) => zoneDelegationIssues(self, env, "domain"),
  defaults: (ctx: Ctx) => ({
    domain: ctx.workload.domain,
    // prod's mile-quest.com at the registrar; staging.mile-quest.com delegated from prod's zone (another account).
    delegation: envZoneDelegation(ctx.env.name, ctx.workload.domain, milequest.defaults.domain),
    queryLogRetentionDays: ctx.settings.logRetentionDays,
    dnssec: true,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
