import { type RegionName, type WaiverConfig, deploymentWaiver } from "@infra/config";
import { rds } from "./data/rds";

const LOG_SSE_S3 = "S3 server access logs and CloudFront standard logs cannot be delivered to an SSE-KMS bucket: log buckets use SSE-S3 (POLICIES.md #26).";

/**
 * Policy relaxations of the timeline app, each with the reason it is acceptable. Deployments in
 * `environments/<env>/<region>/timeline.ts` carry the ones that apply to them; dev's and staging's
 * database relaxations sit in their env.ts (`smallDatabase`), naming the database deployment.
 */
export const timelineWaivers = {
  /** The access-log bucket of timeline-storage/s3. */
  logBucket: [{ rule: "INF-S3-003", address: "aws_s3_bucket.logs_*", reason: LOG_SSE_S3 }],
  /** The CloudFront log bucket of timeline-edge/cdn. */
  edgeLogBucket: [{ rule: "INF-S3-003", address: "aws_s3_bucket.edge-logs_*", reason: LOG_SSE_S3 }],
  /** Seed 002 names no domain for the assets, so the distribution uses *.cloudfront.net. */
  defaultCertificate: [
    {
      rule: "INF-CF-002",
      address: "aws_cloudfront_distribution.*",
      reason:
        "Seed 002 names no domain for the website assets: the *.cloudfront.net certificate (TLS, HTTPS-only viewers) until an ACM certificate and aliases are set in the cdn inputs.",
    },
  ],
  /** dev and staging: the API load balancer follows the env's settings.deletionProtection = false. */
  apiUnprotected: [
    {
      rule: "INF-LB-003",
      address: "aws_lb.*",
      reason:
        "Seed 002 / issue 7 sizing: dev and staging run without deletion protection (env.ts settings.deletionProtection = false, POLICIES.md #9, relaxed outside prod); the API load balancer follows its env, prod keeps it.",
    },
  ],
  /** dev and staging databases: cost-sized (env.ts waivers, naming the region's timeline database). */
  smallDatabase: (region: RegionName): WaiverConfig[] => [
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-005",
      address: "aws_db_instance.*",
      reason: "Issue 7 / seed 002: Multi-AZ in prod; dev and staging run single-AZ for cost.",
    }),
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-004",
      address: "aws_db_instance.*",
      reason: "Seed 002 / issue 7: dev and staging run without deletion protection (env.ts settings); 30-day backups and a final snapshot remain.",
    }),
    deploymentWaiver(rds, region, {
      rule: "INF-RDS-010",
      address: "aws_db_instance.*",
      reason: "Seed 002 / issue 7: Enhanced Monitoring in prod only; AWS offers no Performance Insights on db.t4g.micro/small.",
    }),
  ],
};
