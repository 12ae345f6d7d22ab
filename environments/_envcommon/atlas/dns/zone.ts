import { envZoneDelegation, zoneDelegationIssues } from "@infra/config";
import { atlasZoneInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inPrimary, KMS, zoneName } from "../features";
import { atlasModule } from "../workload";

/** Route 53 public zone: the apex in prod, staging.<apex> in staging (phase 3+). */
export const zone = atlasModule("dns/zone", {
  schema: atlasZoneInputs,
  enabled: inPrimary,
  dependencies: { kms: KMS },
  check: (self, env) => zoneDelegationIssues(self, env, "domain"),
  // Its own waiver, not the env's: staging deploys the zone only from phase 3 (env waivers name deployments, ADR 0120).
  waivers: (ctx: AtlasContext) =>
    ctx.settings.deletionProtection
      ? []
      : [
          {
            rule: "INF-R53-002",
            address: "aws_route53_zone.*",
            reason: "POLICIES.md #69: DNSSEC is a dev/staging relaxation (signed where settings.deletionProtection is on: uat and prod).",
          },
        ],
  defaults: (ctx: AtlasContext) => ({
    domain: zoneName(ctx),
    // prod's apex at the registrar; staging.<apex> delegated from prod's zone (another account): a listed
    // fresh-account prerequisite with its commands (`infra preflight --env staging`), as every workload's env zone (ADR 0014).
    delegation: envZoneDelegation(ctx.env.name, zoneName(ctx), ctx.workload.domain),
    deletionProtection: ctx.settings.deletionProtection,
    // Signed where data is protected (prod); elsewhere the module waives INF-R53-002.
    dnssec: ctx.settings.deletionProtection,
    queryLogRetentionDays: ctx.settings.logRetentionDays,
  }),
});
