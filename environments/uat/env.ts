import type { EnvConfig } from "@infra/config";
import { platformWaivers } from "@envs/envcommon";
import { usEast1 } from "./us-east-1/region";

/** env.hcl for uat: only what differs from root.ts. */
export const uat: EnvConfig = {
  name: "uat",
  accountId: "333333333333",
  costAllocation: "engineering-uat",
  settings: {
    // Seed 004: medium instances, deletion protection and HTTPS-only like prod; one NAT, no flow logs.
    tier: "medium",
    nat: { mode: "single" },
    flowLogs: { enabled: false },
    containerInsights: false,
    backupRetentionDays: 14,
  },
  workloads: {
    // The account itself (one env per account): a fresh account, so no service-linked role exists yet.
    account: { existingServiceLinkedRoles: [] },
    platform: { domain: "uat.acme-platform.com", alarmEmails: ["platform-uat-alerts@example.com"] },
  },
  // Relaxations seed 004 asks for on purpose: each is a waiver with its reason, reported by `nx run uat:policy`.
  waivers: [...platformWaivers.nonProd("us-east-1")],
  // Seed 004 resource tags of the platform over its _envcommon defaults (ADR 0070); uat: pre-prod acceptance (deletion protection, TLS only) but no DR copy.
  tags: { platform: { criticality: "medium" } },
  regions: [usEast1],
  source: "environments/uat/env.ts",
};
