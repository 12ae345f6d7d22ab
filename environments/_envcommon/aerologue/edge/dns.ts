import { envZoneDelegation, zoneDelegationIssues } from "@infra/config";
import { aerologue, aerologueModule } from "../workload";
import { dnsInputs } from "@infra/aerologue-inputs";
import { kms } from "../security/kms";

/** The env's public hosted zone (ARC-008/ARC-011: one hosted zone). */
export const dns = aerologueModule("edge/dns", {
  schema: dnsInputs,
  dependencies: { kms },
  check: (self, env) => zoneDelegationIssues(self, env, "domain"),
  defaults: (ctx) => ({
    domain: ctx.workload.domain,
    queryLogRetentionDays: ctx.workload.logRetentionDays,
    deletionProtection: ctx.settings.deletionProtection,
    // prod's aerologue.app at the registrar; dev./staging. delegated from prod's zone (another account).
    delegation: envZoneDelegation(ctx.env.name, ctx.workload.domain, aerologue.defaults.domain),
  }),
});
