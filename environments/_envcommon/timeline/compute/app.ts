import { type CheckIssue } from "@infra/config";
import { type TimelineAppInputs, type TimelineNetworkInputs, timelineAppInputs } from "@infra/timeline-inputs";
import { ecr } from "./ecr";
import { elasticache } from "../data/elasticache";
import { rds } from "../data/rds";
import { zone } from "../dns/zone";
import { vpc as timelineNetworkVpc } from "../network/vpc";
import { monitoring } from "../ops/monitoring";
import { kms } from "../security/kms";
import { s3 } from "../storage/s3";
import { timelineModule } from "../workload";

/**
 * Seed 002 compute: the API on ECS Fargate behind an ALB, autoscaling on CPU/memory, images from ECR,
 * wired to the env's RDS, Redis and buckets. Sizes are documented defaults (the seed gives none);
 * envs override them in `environments/<env>/<region>/timeline.ts`. The DR region runs it as a standby
 * with zero tasks (seed 002 "Secondary region for failover"); the failover script scales it up.
 */
export const app = timelineModule("compute/app", {
  schema: timelineAppInputs,
  dependencies: {
    kms,
    vpc: timelineNetworkVpc,
    rds,
    cache: elasticache,
    storage: s3,
    ecr,
    monitoring,
    zone: { module: zone, region: "primary" },
  },
  defaults: ({ env, region, settings }) => {
    const standby = region.role !== "primary";
    return {
      name: `${env.name}-${region.name}-timeline`,
      role: standby ? ("standby" as const) : ("active" as const),
      recordName: "api",
      // The release sets the tag it deployed (immutable tags); this is the first one.
      imageTag: "0.1.0",
      port: 8080,
      healthPath: "/health",
      cpu: 512,
      memory: 1024,
      cpuArchitecture: "ARM64" as const,
      desiredCount: standby ? 0 : 2,
      // Seed 002 "Autoscaling: Based on CPU/memory metrics": target tracking on both. 2 tasks = one per AZ.
      autoScaling: {
        min: standby ? 0 : 2,
        max: 4,
        targetCpuPercent: 70,
        targetMemoryPercent: 80,
        scaleInCooldownSeconds: 300,
        scaleOutCooldownSeconds: 60,
      },
      xray: { daemonImage: "public.ecr.aws/xray/aws-xray-daemon:3.3.14", memoryReservation: 64 },
      rateLimitPer5Min: 2000,
      wafLogRetentionDays: settings.logRetentionDays,
      alarms: { target5xxPerMinute: 10 },
      deletionProtection: settings.deletionProtection,
    };
  },
  check: (self, env) => {
    const issues: CheckIssue[] = [];
    const inputs: TimelineAppInputs = self.inputs;
    const vpc = env.deployments.find((d) => d.id === self.dependencies["vpc"]);
    const net = vpc?.inputs as TimelineNetworkInputs | undefined;
    if (net && net.ports.app !== inputs.port) {
      issues.push({
        path: "inputs.port",
        value: inputs.port,
        allowed: `${net.ports.app}: the app port of timeline-network/vpc (its ACLs and security groups open only that port)`,
      });
    }
    if (net && net.nat.mode === "none") {
      issues.push({
        path: "dependencies.vpc",
        value: `${vpc!.id} with inputs.nat.mode "none"`,
        allowed: 'a network with nat "single" or "perAz": Fargate tasks in the private subnets reach ECR, CloudWatch Logs and X-Ray only through NAT',
      });
    }
    const standby = self.region.role !== "primary";
    if (standby !== (inputs.role === "standby")) {
      issues.push({ path: "inputs.role", value: inputs.role, allowed: standby ? '"standby" in a DR region' : '"active" in the primary region' });
    }
    if (standby && !self.dependencies["primary-vpc"]) {
      issues.push({
        path: "dependencies",
        value: Object.keys(self.dependencies).join(", "),
        allowed: 'a "primary-vpc" dependency (timeline-network/vpc, region "primary"): the DR tasks resolve the primary private zone',
      });
    }
    if (!standby && !self.dependencies["cdn"]) {
      issues.push({
        path: "dependencies",
        value: Object.keys(self.dependencies).join(", "),
        allowed: 'a "cdn" dependency (timeline-edge/cdn): the task role is scoped to its assets bucket',
      });
    }
    return issues;
  },
});
