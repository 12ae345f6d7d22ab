import type { EnvConfig } from "@infra/config";
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
    platform: { domain: "dev.platform.example.com" },
  },
  regions: [usEast1],
  source: "environments/dev/env.ts",
};
