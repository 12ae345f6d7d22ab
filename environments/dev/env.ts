import type { EnvConfig } from "@infra/config";
import { platformWaivers, timelineWaivers } from "@envs/envcommon";
import { usEast1 } from "./us-east-1/region";

/** env.hcl for dev: only what differs from root.ts. */
export const dev: EnvConfig = {
  name: "dev",
  accountId: "111111111111",
  costAllocation: "engineering-dev",
  settings: {
    // Seed 004 sizing and data-protection tables: dev is small, unprotected, NAT-less.
    tier: "micro",
    deletionProtection: false,
    httpsOnly: false,
    nat: { mode: "none" },
    flowLogs: { enabled: false },
    containerInsights: false,
    logRetentionDays: 7,
    backupRetentionDays: 7,
  },
  workloads: {
    // The account itself (one env per account): a fresh account, so no service-linked role exists yet.
    account: { existingServiceLinkedRoles: [] },
    platform: { domain: "dev.acme-platform.com", alarmEmails: ["platform-dev-alerts@example.com"] },
    // Seed 002 leaves amounts open: dev runs the smallest sizes (see docs/workloads/timeline.md).
    timeline: { publicDomain: "dev.acme-timeline.com", budget: { monthlyLimitUsd: 300, emails: ["timeline-finops@example.com"] } },
    aerologue: {
      // ARC-015 dev column.
      domain: "dev.aerologue.app",
      logLevel: "debug",
      apiRateLimitPerMinute: 100,
      adsbProvider: "mock",
      enableAnalytics: false,
      featureFlags: { vlog_native_upload: true, admin_manual_checkin: true },
      corsOrigins: ["https://dev.aerologue.app", "https://www.dev.aerologue.app", "http://localhost:3000"],
      callbackUrls: ["https://dev.aerologue.app/auth/callback", "http://localhost:3000/auth/callback"],
      logoutUrls: ["https://dev.aerologue.app/", "http://localhost:3000/"],
      adminIpCidrs: ["203.0.113.10/32"],
      alarmEmails: ["aerologue-dev-alerts@example.com"],
      artifacts: { bucket: "aerologue-dev-artifacts-111111111111" },
    },
  },
  // Relaxations seed 004 asks for on purpose: each is a waiver with its reason, reported by `nx run dev:policy`.
  waivers: [
    // Each names its deployments by id (ADR 0120): the order of the groups does not matter.
    ...timelineWaivers.smallDatabase("us-east-1"),
    ...platformWaivers.nonProd("us-east-1"),
    ...platformWaivers.unprotected("us-east-1"),
  ],
  regions: [usEast1],
  source: "environments/dev/env.ts",
};
