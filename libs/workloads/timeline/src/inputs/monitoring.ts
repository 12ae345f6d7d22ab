import { z } from "zod";
import { namePrefix, retentionDays } from "./common";

/**
 * Inputs of timeline-ops/monitoring: seed 002's monitoring and logging. CloudWatch alarms to an
 * encrypted SNS topic, the central application log group, X-Ray sampling and a trace group.
 */
export const timelineMonitoringInputs = z
  .object({
    name: namePrefix,
    alarmEmails: z.array(z.email()),
    /** "Log Aggregation: Centralized logging": the application log group every service writes to. */
    logRetentionDays: retentionDays,
    cpuThresholdPercent: z.number().min(1).max(100),
    freeStoragePercent: z.number().min(1).max(99),
    /** Replica lag (seconds) before the read replicas serve stale reads / the DR replica misses its RPO. */
    replicaLagSeconds: z.number().positive(),
    /** Redis DatabaseMemoryUsagePercentage before eviction starts hurting. */
    cacheMemoryPercent: z.number().min(1).max(100),
    /** CloudFront 5xx error rate (%). */
    cdn5xxRatePercent: z.number().min(0.1).max(100),
    xray: z
      .object({
        /** Service name the application reports to X-Ray. */
        serviceName: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
        /** Share of requests traced beyond the reservoir, 0..1. */
        fixedRate: z.number().min(0).max(1),
        /** Traces per second always sampled. */
        reservoirSize: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();
export type TimelineMonitoringInputs = z.infer<typeof timelineMonitoringInputs>;
