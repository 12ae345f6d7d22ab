import { type RegionName, type WaiverConfig, deploymentWaiver } from "@infra/config";
import { rds } from "./data/rds";
import { zone } from "./dns/zone";
import { vpc } from "./network/vpc";
import { ecsCluster } from "./services/ecs-cluster";
import { ingress } from "./services/ingress";

/**
 * The relaxations seed 004 asks for on purpose, as policy waivers (each with its reason). Envs list
 * the groups that apply to them in their env.ts `waivers`, for a region: each waiver names the
 * deployments it covers by id; the policy report shows each one used.
 */
export const platformWaivers = {
  /** Outside prod (dev, staging, uat): flow logs, Container Insights, Multi-AZ, enhanced monitoring. */
  nonProd: (region: RegionName): WaiverConfig[] => [
    deploymentWaiver(vpc, region, { rule: "INF-VPC-001", address: "aws_vpc.*", reason: "Seed 004 VPC table: flow logs are enabled in prod only." }),
    deploymentWaiver(ecsCluster, region, {
      rule: "INF-ECS-001",
      address: "aws_ecs_cluster.*",
      reason: "Seed 004 ECS table: Container Insights is enabled in prod only.",
    }),
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-005",
      address: "aws_db_instance.*",
      reason: "Seed 004 RDS table: Multi-AZ in prod only (single AZ for cost).",
    }),
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-010",
      address: "aws_db_instance.*",
      reason: "Seed 004 RDS table: enhanced monitoring in prod only; db.t3.micro/small cannot run Performance Insights.",
    }),
  ],
  /** dev and staging (seed 004 data protection: no deletion protection, HTTP/S): also DNSSEC (POLICIES #69). */
  unprotected: (region: RegionName): WaiverConfig[] => [
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-004",
      address: "aws_db_instance.*",
      reason: "Seed 004 data protection table: no deletion protection in dev and staging.",
    }),
    deploymentWaiver(ingress, region, {
      rule: "INF-LB-003",
      address: "aws_lb.*",
      reason: "Seed 004 data protection table: no deletion protection in dev and staging.",
    }),
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-007",
      address: "aws_db_parameter_group.*",
      reason: "Seed 004 data protection table: HTTP/S (not HTTPS-only) in dev and staging, so rds.force_ssl stays 0.",
    }),
    deploymentWaiver(zone, region, {
      rule: "INF-R53-002",
      address: "aws_route53_zone.*",
      reason: "POLICIES.md #69: DNSSEC is a dev/staging relaxation; uat and prod zones are signed.",
    }),
  ],
};
