import { defineModule, envZoneDelegation, zoneDelegationIssues } from "@infra/config";
import { atlasZoneInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inPrimary, KMS, zoneName } from "../features";

/** Route 53 public zone: the apex in prod, staging.<apex> in staging (phase 3+). */
export const zone = defineModule({
  workload: "atlas",
  category: "atlas-dns",
  module: "zone",
  builder: "atlas/zone",
  schema: atlasZoneInputs,
  source: "environments/_envcommon/atlas/dns/zone.ts",
  enabled: inPrimary,
  dependencies: { kms: KMS },
  check: (self, env) => zoneDelegationIssues(self, env, "domain"),
  defaults: (ctx: AtlasContext) => ({
    domain: zoneName(ctx),
    // prod's apex at the registrar; staging.<apex> delegated from prod's zone (another account): a listed
    // fresh-account prerequisite with its commands (`infra preflight --env staging`), as every workload's env zone (ADR 0014).
    delegation: envZoneDelegation(ctx.env.name, zoneName(ctx), ctx.workload.domain),
    deletionProtection: ctx.settings.deletionProtection,
    // Signed where data is protected (prod); staging waives INF-R53-002 in its env.ts.
    dnssec: ctx.settings.deletionProtection,
    queryLogRetentionDays: ctx.settings.logRetentionDays,
  }),
});
