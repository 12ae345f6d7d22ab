import { defineModule } from "@infra/config";
import { type TimelineConfig, timelineZoneInputs } from "@infra/timeline-inputs";

/** The public zone of the timeline's API (`workloads.timeline.publicDomain`), in the primary region: Route 53 is global. */
export const zone = defineModule<typeof timelineZoneInputs, TimelineConfig>({
  workload: "timeline",
  category: "timeline-dns",
  module: "zone",
  builder: "timeline/zone",
  schema: timelineZoneInputs,
  source: "environments/_envcommon/timeline/dns/zone.ts",
  dependencies: { kms: { category: "timeline-security", module: "kms" } },
  defaults: ({ settings, workload }) => ({
    domain: workload.publicDomain,
    deletionProtection: settings.deletionProtection,
  }),
  check: (self, env) =>
    self.region.role === "primary"
      ? []
      : [{ path: "region", value: self.region.name, allowed: `Route 53 zones are global: deploy timeline-dns/zone once, in the primary region (${env.regions.find((r) => r.role === "primary")?.name})` }],
});
