import { ingressInputs } from "@infra/platform-inputs";
import { zone } from "../dns/zone";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { ecsCluster } from "./ecs-cluster";
import { platformModule } from "../workload";

/** The region's ALB (seed 004 network security: 80/443 in the public subnets), certificate, WAF, access logs. */
export const ingress = platformModule("services/ingress", {
  schema: ingressInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "ingress" },
  dependencies: {
    kms,
    vpc,
    ecs: ecsCluster,
    zone: { module: zone, region: "primary" },
  },
  waivers: [
    {
      rule: "INF-S3-003",
      address: "aws_s3_bucket.access-logs_*",
      reason: "POLICIES.md #26: ALB access logs can only be delivered to an SSE-S3 (AES256) bucket; it holds request logs, not data.",
    },
  ],
  defaults: ({ env, region, settings, workload }) => ({
    name: `${env.name}-${region.name}-platform`,
    domainName: `app.${workload.domain}`,
    deletionProtection: settings.deletionProtection,
    // Seed 004 logging strategy: "Load Balancer Logs — S3 — 30 days".
    accessLogRetentionDays: 30,
    rateLimitPer5Min: 2000,
    wafLogRetentionDays: settings.logRetentionDays,
  }),
});
