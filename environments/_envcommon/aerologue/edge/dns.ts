import { defineModule } from "@infra/config";
import { type AerologueConfig, dnsInputs } from "@infra/aerologue-inputs";

/** The env's public hosted zone (ARC-008/ARC-011: one hosted zone). */
export const dns = defineModule<typeof dnsInputs, AerologueConfig>({
  workload: "aerologue",
  category: "aerologue-edge",
  module: "dns",
  builder: "aerologue/dns",
  schema: dnsInputs,
  source: "environments/_envcommon/aerologue/edge/dns.ts",
  dependencies: { kms: { category: "aerologue-security", module: "kms" } },
  defaults: (ctx) => ({ domain: ctx.workload.domain, queryLogRetentionDays: ctx.workload.logRetentionDays, deletionProtection: ctx.settings.deletionProtection }),
});
