import type { EnvConfig } from "@infra/config";
import { timelineWaivers } from "@envs/envcommon";
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
    timeline: { budget: { monthlyLimitUsd: 800, emails: ["timeline-finops@example.com"] } },
    aerologue: {
      // ARC-015 staging column.
      domain: "staging.aerologue.app",
      logLevel: "info",
      apiRateLimitPerMinute: 500,
      featureFlags: { vlog_native_upload: true, admin_manual_checkin: true },
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
    // Timeline (seed 002) databases; listed first so they, not the platform's "*-data-rds" globs, match its stacks.
    ...timelineWaivers.smallDatabase,
    {
      rule: "INF-VPC-001",
      address: "*-network-vpc/aws_vpc.*",
      reason: "Seed 004 VPC table: flow logs are enabled in prod only.",
    },
    {
      rule: "INF-ECS-001",
      address: "*-services-ecs-cluster/aws_ecs_cluster.*",
      reason: "Seed 004 ECS table: Container Insights is enabled in prod only.",
    },
    {
      rule: "INF-RDS-005",
      address: "*-data-rds/aws_db_instance.*",
      reason: "Seed 004 RDS table: Multi-AZ in prod only (single AZ for cost).",
    },
    {
      rule: "INF-RDS-010",
      address: "*-data-rds/aws_db_instance.*",
      reason: "Seed 004 RDS table: enhanced monitoring in prod only; db.t3.micro/small cannot run Performance Insights.",
    },
    {
      rule: "INF-RDS-004",
      address: "*-data-rds/aws_db_instance.*",
      reason: "Seed 004 data protection table: no deletion protection in dev and staging.",
    },
    {
      rule: "INF-LB-003",
      address: "*-services-ingress/aws_lb.*",
      reason: "Seed 004 data protection table: no deletion protection in dev and staging.",
    },
    {
      rule: "INF-RDS-007",
      address: "*-data-rds/aws_db_parameter_group.*",
      reason: "Seed 004 data protection table: HTTP/S (not HTTPS-only) in dev and staging, so rds.force_ssl stays 0.",
    },
    {
      rule: "INF-R53-002",
      address: "*-dns-zone/aws_route53_zone.*",
      reason: "POLICIES.md #69: DNSSEC is a dev/staging relaxation; uat and prod zones are signed.",
    },
  ],
  regions: [usEast1],
  source: "environments/staging/env.ts",
};
