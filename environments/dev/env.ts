import type { EnvConfig } from "@infra/config";
import { timelineWaivers } from "@envs/envcommon";
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
    // Seed 002 leaves amounts open: dev runs the smallest sizes (see docs/workloads/timeline.md).
    timeline: { budget: { monthlyLimitUsd: 300, emails: ["timeline-finops@example.com"] } },
    aerologue: {
      // ARC-015 dev column.
      domain: "dev.aerologue.app",
      logLevel: "debug",
      apiRateLimitPerMinute: 100,
      adsbProvider: "mock",
      enableAnalytics: false,
      featureFlags: { vlog_native_upload: true, admin_manual_checkin: true },
      callbackUrls: ["https://dev.aerologue.app/auth/callback", "http://localhost:3000/auth/callback"],
      logoutUrls: ["https://dev.aerologue.app/", "http://localhost:3000/"],
      adminIpCidrs: ["203.0.113.10/32"],
      alarmEmails: ["aerologue-dev-alerts@example.com"],
      artifacts: { bucket: "aerologue-dev-artifacts-111111111111" },
    },
  },
  // Relaxations seed 004 asks for on purpose: each is a waiver with its reason, reported by `nx run dev:policy`.
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
  source: "environments/dev/env.ts",
};
