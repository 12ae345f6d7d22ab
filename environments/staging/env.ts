import type { EnvConfig } from "@infra/config";
import { platformWaivers, timelineWaivers } from "@envs/envcommon";
import { usEast1 } from "./us-east-1/region";

/** env.hcl for staging: only what differs from root.ts. */
export const staging: EnvConfig = {
  name: "staging",
  accountId: "222222222222",
  costAllocation: "engineering-staging",
  settings: {
    // Seed 004: small instances, no deletion protection, HTTP/S allowed, one NAT, no flow logs.
    tier: "small",
    deletionProtection: false,
    httpsOnly: false,
    nat: { mode: "single" },
    flowLogs: { enabled: false },
    containerInsights: false,
    logRetentionDays: 14,
    backupRetentionDays: 14,
  },
  workloads: {
    // The account itself (one env per account): a fresh account, so no service-linked role exists yet.
    account: { existingServiceLinkedRoles: [] },
    platform: { domain: "staging.acme-platform.com", alarmEmails: ["platform-staging-alerts@example.com"] },
    timeline: { publicDomain: "staging.acme-timeline.com", budget: { monthlyLimitUsd: 800, emails: ["timeline-finops@example.com"] } },
    aerologue: {
      // ARC-015 staging column.
      domain: "staging.aerologue.app",
      logLevel: "info",
      apiRateLimitPerMinute: 500,
      featureFlags: { vlog_native_upload: true, admin_manual_checkin: true },
      corsOrigins: ["https://staging.aerologue.app", "https://www.staging.aerologue.app"],
      callbackUrls: ["https://staging.aerologue.app/auth/callback"],
      logoutUrls: ["https://staging.aerologue.app/"],
      adminIpCidrs: ["203.0.113.10/32"],
      alarmEmails: ["aerologue-staging-alerts@example.com"],
      artifacts: { bucket: "aerologue-staging-artifacts-222222222222" },
    },
    // AccountabilityAtlas (seed 001): nothing deploys here before phase 3.
    atlas: {},
    // Mile Quest (seed 003): the staging Amplify apps build the staging branch; zone delegated from mile-quest.com.
    milequest: { domain: "staging.mile-quest.com", gitBranch: "staging", branchStage: "BETA" },
  },
  // Relaxations seed 004 asks for on purpose: each is a waiver with its reason, reported by `nx run staging:policy`.
  waivers: [
    // Each names its deployments by id (ADR 0120): the order of the groups does not matter.
    ...timelineWaivers.smallDatabase("us-east-1"),
    ...platformWaivers.nonProd("us-east-1"),
    ...platformWaivers.unprotected("us-east-1"),
  ],
  regions: [usEast1],
  source: "environments/staging/env.ts",
};
