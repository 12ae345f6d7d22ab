import { kmsInputs } from "@infra/platform-inputs";
import { platformModule } from "../workload";

/** Customer-managed keys per region: logs, data, alerts. Everything else in the platform encrypts with them. */
export const kms = platformModule("security/kms", {
  schema: kmsInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "kms" },
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-platform`,
    // A deleted key cannot be brought back after the window: give protected envs the longest one.
    deletionWindowDays: settings.deletionProtection ? 30 : 7,
    deletionProtection: settings.deletionProtection,
  }),
});
