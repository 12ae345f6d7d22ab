import type { EnvConfig } from "@infra/config";
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
    platform: { domain: "staging.platform.example.com" },
  },
  regions: [usEast1],
  source: "environments/staging/env.ts",
};
