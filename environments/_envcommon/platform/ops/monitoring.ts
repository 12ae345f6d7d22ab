import { monitoringInputs } from "@infra/platform-inputs";
import { rds } from "../data/rds";
import { kms } from "../security/kms";
import { app } from "../services/app";
import { ecsCluster } from "../services/ecs-cluster";
import { platformModule } from "../workload";

/** Seed 004 observability: CPU > 80 %, free storage < 10 % (RDS and ECS hosts' disks), RDS failover, ECS task failures; a dashboard. */
export const monitoring = platformModule("ops/monitoring", {
  schema: monitoringInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "monitoring" },
  dependencies: {
    kms,
    rds,
    ecs: ecsCluster,
    // The service and the ingress ALB it sits behind: the dashboard's ALB and service widgets.
    app,
  },
  defaults: ({ env, region, settings, workload }) => ({
    name: `${env.name}-${region.name}-platform`,
    // The env's recipients of every workload, then the platform's own (env.ts workloads.platform.alarmEmails).
    alarmEmails: [...new Set([...settings.alarmEmails, ...workload.alarmEmails])],
    alarms: {
      // Seed 004: CPU > 80 % (sustained 10 minutes), free storage < 10 % (one 5-minute datapoint).
      cpuHigh: { threshold: 80, periodSeconds: 300, evaluationPeriods: 2 },
      freeStorageLow: { threshold: 10, periodSeconds: 300, evaluationPeriods: 1 },
      // Seed 004: low disk space (< 10 % free) on the ECS hosts = more than 90 % used (one 5-minute datapoint).
      diskUsedHigh: { threshold: 90, periodSeconds: 300, evaluationPeriods: 1 },
    },
  }),
});
