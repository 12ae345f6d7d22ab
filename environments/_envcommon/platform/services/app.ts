import { appInputs } from "@infra/platform-inputs";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { ecsCluster } from "./ecs-cluster";
import { ingress } from "./ingress";
import { platformModule } from "../workload";

/**
 * The platform's application service on the ECS cluster, behind the ingress ALB, scaled on CPU
 * (seed 004 "Scaling Architecture", ADR 0095). Defaults are dev's row (1-3); envs override the counts
 * together with the cluster's (environments/<env>/<region>/platform.ts).
 */
export const app = platformModule("services/app", {
  schema: appInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "app" },
  dependencies: {
    kms,
    vpc,
    ecs: ecsCluster,
    ingress,
  },
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-platform`,
    // The release the platform runs; CI pushes it to this region's repository before the deploy.
    imageTag: "1.0.0",
    containerPort: 8080,
    healthCheckPath: "/health",
    // Small enough that one task fits on the smallest host (t3.micro: 2 vCPU, ~900 MiB for tasks).
    cpu: 256,
    memoryReservationMiB: 256,
    memoryLimitMiB: 512,
    listenerRulePriority: 100,
    // Seed 004 "Scaling Architecture": min/max per env (dev 1-3 here), 70 % CPU, +1 after 5 min, -1 after 15 min.
    scaling: { minTasks: 1, maxTasks: 3, targetCpuPercent: 70, scaleOutCooldownSeconds: 300, scaleInCooldownSeconds: 900 },
    // Seed 004 log group "/app/application": one platform service per env account and region owns it.
    logGroupName: "/app/application",
    logRetentionDays: settings.logRetentionDays,
    deletionProtection: settings.deletionProtection,
  }),
});
