import { envZoneDelegation, zoneDelegationIssues } from "@infra/config";
import { timelineZoneInputs } from "@infra/timeline-inputs";
import { timeline, timelineModule } from "../workload";
import { kms } from "../security/kms";

/** The public zone of the timeline's API (`workloads.timeline.publicDomain`), in the primary region: Route 53 is global. */
export const zone = timelineModule("dns/zone", {
  schema: timelineZoneInputs,
  dependencies: { kms },
  defaults: ({ env, settings, workload }) => ({
    domain: workload.publicDomain,
    deletionProtection: settings.deletionProtection,
    // prod's acme-timeline.com at the registrar; dev./staging. delegated from prod's zone (another account).
    delegation: envZoneDelegation(env.name, workload.publicDomain, timeline.defaults.publicDomain),
  }),
  check: (self, env) =>
    self.region.role === "primary"
      ? zoneDelegationIssues(self, env, "domain")
      : [
          {
            path: "region",
            value: self.region.name,
            allowed: `Route 53 zones are global: deploy timeline-dns/zone once, in the primary region (${env.regions.find((r) => r.role === "primary")?.name})`,
          },
        ],
});
