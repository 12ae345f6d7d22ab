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
  // Relaxations seed 004 asks for on purpose: each is a waiver with its reason, reported by `nx run uat:policy`.
  waivers: [
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
  ],
  regions: [usEast1],
  source: "environments/uat/env.ts",
};
