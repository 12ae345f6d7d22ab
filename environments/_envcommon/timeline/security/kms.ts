import { defineModule } from "@infra/config";
import { type TimelineConfig, timelineKmsInputs } from "@infra/timeline-inputs";

/** Customer-managed keys per region: logs, data, alerts, assets. Every timeline resource encrypts with one. */
export const kms = defineModule<typeof timelineKmsInputs, TimelineConfig>({
  workload: "timeline",
  category: "timeline-security",
  module: "kms",
  builder: "timeline/kms",
  schema: timelineKmsInputs,
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-timeline`,
    deletionWindowDays: settings.deletionProtection ? 30 : 7,
    deletionProtection: settings.deletionProtection,
  }),
});
