import type { WaiverConfig } from "@infra/config";

/**
 * The relaxations seed 004 asks for on purpose, as policy waivers (each with its reason). Envs list
 * the groups that apply to them in their env.ts `waivers`; the policy report shows each one used.
 */
export const platformWaivers = {
  /** Outside prod (dev, staging, uat): flow logs, Container Insights, Multi-AZ, enhanced monitoring. */
  nonProd: [
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
  /** dev and staging (seed 004 data protection: no deletion protection, HTTP/S): also DNSSEC (POLICIES #69). */
  unprotected: [
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
} as const satisfies Record<string, readonly WaiverConfig[]>;
