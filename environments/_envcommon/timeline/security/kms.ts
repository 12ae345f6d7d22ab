import { timelineKmsInputs } from "@infra/timeline-inputs";
import { timelineModule } from "../workload";

/** Customer-managed keys per region: logs, data, alerts, assets. Every timeline resource encrypts with one. */
export const kms = timelineModule("security/kms", {
  schema: timelineKmsInputs,
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-timeline`,
    deletionWindowDays: settings.deletionProtection ? 30 : 7,
    deletionProtection: settings.deletionProtection,
  }),
});
