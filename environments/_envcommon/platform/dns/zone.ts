import { envZoneDelegation, zoneDelegationIssues } from "@infra/config";
import { zoneInputs } from "@infra/platform-inputs";
import { kms } from "../security/kms";
import { platformModule } from "../workload";

/** The env's public hosted zone (Route 53 is global: deployed once, in the primary region). */
export const zone = platformModule("dns/zone", {
  schema: zoneInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "dns" },
  dependencies: { kms },
  // An env-zone delegation needs its parent zone deployment (the "parent" dependency).
  check: (self, env) => zoneDelegationIssues(self, env, "zoneName"),
  defaults: ({ env, workload, settings }) => ({
    zoneName: workload.domain,
    // prod holds the apex (registrar); the other envs' zones are delegated from prod's (another account).
    delegation: envZoneDelegation(env.name, workload.domain, workload.apexDomain),
    queryLogging: { enabled: true, retentionDays: settings.logRetentionDays },
    // Signed where data is protected (uat, prod); dev and staging waive INF-R53-002 in their env.ts.
    dnssec: settings.deletionProtection,
    deletionProtection: settings.deletionProtection,
  }),
});
