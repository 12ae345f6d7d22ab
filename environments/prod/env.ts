import type { EnvConfig } from "@infra/config";
import { euWest1 } from "./eu-west-1/region";
import { usEast1 } from "./us-east-1/region";
import { usWest2 } from "./us-west-2/region";

/** env.hcl for prod: root.ts is the secure baseline, so prod states almost nothing. */
export const prod: EnvConfig = {
  name: "prod",
  accountId: "444444444444",
  costAllocation: "engineering-prod",
  settings: {},
  workloads: {
    // The account itself (one env per account): a fresh account, so no service-linked role exists yet.
    // AccountabilityAtlas's images reach its phase-4 DR repositories in us-west-2 (ADR 0106); nothing replicates before those exist.
    account: { existingServiceLinkedRoles: [], ecrReplicationPrefixes: ["acct-atlas-"] },
    platform: {
      domain: "acme-platform.com",
      alarmEmails: ["platform-oncall@example.com"],
      // Seed 004 prod logging "CloudWatch + Splunk": the organisation's Splunk Cloud HEC for Firehose (replace with the real stack's URL).
      splunk: { hecEndpoint: "https://http-inputs-firehose-acme-platform.splunkcloud.com:443" },
    },
    timeline: {
      alarmEmails: ["timeline-oncall@example.com"],
      budget: { monthlyLimitUsd: 4000, emails: ["timeline-finops@example.com", "timeline-oncall@example.com"] },
    },
    aerologue: {
      // ARC-015 prod column is the workload default; ARC-010: production logs 90 days.
      logRetentionDays: 90,
      adminIpCidrs: ["203.0.113.10/32", "198.51.100.20/32"],
      alarmEmails: ["aerologue-oncall@example.com"],
      artifacts: { bucket: "aerologue-prod-artifacts-444444444444" },
    },
    // AccountabilityAtlas (seed 001): the phase is set once in _envcommon/atlas/workload.ts.
    atlas: {},
    // Mile Quest (seed 003): the workload defaults are prod (mile-quest.com, branch main → PRODUCTION).
    milequest: {},
  },
  // Seed 004 resource tags of the platform over its _envcommon defaults (ADR 0070); prod: the eu-west-1 DR copy (VPC, RDS replica, Route 53 failover).
  tags: { platform: { criticality: "high", disasterRecovery: "enabled" } },
  regions: [usEast1, euWest1, usWest2],
  source: "environments/prod/env.ts",
};
