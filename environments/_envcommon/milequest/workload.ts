import { defineWorkload } from "@infra/config";
import { milequestConfig } from "@infra/milequest-inputs";

/** Seed 003: Mile Quest (serverless team-walking app), staging and prod; prod fails over to us-west-2. */
export const milequest = defineWorkload({
  name: "milequest",
  project: "mile-quest",
  schema: milequestConfig,
  defaults: {
    domain: "mile-quest.com",
    repository: "https://github.com/mile-quest/mile-quest",
    gitBranch: "main",
    branchStage: "PRODUCTION",
    pullRequestPreviews: true,
    // Seed 003 draws "Geo Blocking" but names no country: empty means no geo rule at all.
    geoBlockCountries: [],
    rateLimitPer5Min: 2000,
    artifactVersion: "0.0.0",
    alertEmails: ["oncall@mile-quest.com"],
  },
});
