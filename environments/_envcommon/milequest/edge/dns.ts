import { defineModule } from "@infra/config";
import { zoneInputs } from "@infra/milequest-inputs";
import type { Ctx } from "../common";

/** Seed 003 "Route 53 mile-quest.com": the env's zone (staging: staging.mile-quest.com, delegated from prod's). */
export const dns = defineModule({
  workload: "milequest",
  category: "milequest-edge",
  module: "dns",
  builder: "milequest/zone",
  schema: zoneInputs,
  source: "environments/_envcommon/milequest/edge/dns.ts",
  dependencies: { kms: { category: "milequest-security", module: "kms" } },
  defaults: (ctx: Ctx) => ({
    domain: ctx.workload.domain,
    queryLogRetentionDays: ctx.settings.logRetentionDays,
    dnssec: true,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
