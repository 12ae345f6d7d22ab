import { defineWorkload } from "@infra/config";
import { type AtlasConfig, atlasConfig } from "@infra/atlas-inputs";
import { workloadModules } from "@infra/workload-shared-inputs";

/**
 * Seed 001: AccountabilityAtlas. `phase` is the one field that moves the whole workload from one
 * phase to the next (docs/workloads/atlas.md): 1 Launch → 2 Growth → 3 Scale → 4 Full Prod, each
 * triggered by the seed's migration thresholds, never by a date. An env may pin its own phase in
 * env.ts (`workloads.atlas.phase`) to roll a phase out to staging before prod.
 */
export const atlas = defineWorkload({
  name: "atlas",
  project: "accountabilityatlas",
  schema: atlasConfig,
  defaults: {
    // Seed "Current Phase: 1 (Launch)".
    phase: 1,
    domain: "accountabilityatlas.com",
    // Seed "SSH: Admin IP". A documentation address (RFC 5737): replace with the admin network's CIDR.
    adminCidrs: ["203.0.113.10/32"],
    imageTag: "1.0.0",
    alarmEmails: ["ops@accountabilityatlas.com"],
    // Phase 3+ critical alarms go by SMS too. A reserved fictional number: replace with the on-call phone.
    criticalAlarmSms: ["+15555550100"],
    // A fresh account's SNS SMS is sandboxed: only numbers verified in it receive messages
    // (`infra preflight` lists the verification). Production access is a support case: then
    // { mode: "production", monthlySpendLimitUsd, originationNumber } (docs/fresh-account.md).
    smsDelivery: { mode: "sandbox" },
    // Seed 001: the top-level repo's deploy workflow builds, pushes to ECR and deploys. Set the real org.
    appRepositories: ["acme/AccountabilityAtlas"],
    drRegion: "us-west-2",
  },
});

/**
 * Defines an atlas module by its `"<folder>/<module>"` under this folder (category `atlas-<folder>`, builder
 * `atlas/<module>`). edge/cdn.ts still spells the four names out with `defineModule` (another change owns it).
 */
export const atlasModule = workloadModules<AtlasConfig>("atlas");
