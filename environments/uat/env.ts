import type { EnvConfig } from "@infra/config";
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
    platform: { domain: "uat.platform.example.com" },
  },
  regions: [usEast1],
  source: "environments/uat/env.ts",
};
