import { timelineMonitoringInputs } from "@infra/timeline-inputs";
import { elasticache } from "../data/elasticache";
import { rds } from "../data/rds";
import { kms } from "../security/kms";
import { timelineModule } from "../workload";

/**
 * Seed 002 monitoring and logging: alarms (RDS CPU > 80 %, free storage < 10 %, replica lag, Redis
 * CPU and memory, CloudFront 5xx) to an encrypted SNS topic, RDS events, the central application
 * log group, X-Ray sampling and group. The primary region's deployment adds a "cdn" dependency.
 */
export const monitoring = timelineModule("ops/monitoring", {
  schema: timelineMonitoringInputs,
  dependencies: {
    kms,
    rds,
    cache: elasticache,
  },
  defaults: ({ env, region, settings, workload }) => ({
    name: `${env.name}-${region.name}-timeline`,
    alarmEmails: [...workload.alarmEmails],
    logRetentionDays: settings.logRetentionDays,
    cpuThresholdPercent: 80,
    freeStoragePercent: 10,
    replicaLagSeconds: 30,
    cacheMemoryPercent: 80,
    cdn5xxRatePercent: 5,
    xray: { serviceName: "timeline-api", fixedRate: 0.05, reservoirSize: 1 },
  }),
});
