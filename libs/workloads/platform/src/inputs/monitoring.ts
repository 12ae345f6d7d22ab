import { z } from "zod";

/** Inputs of ops/monitoring: seed 004's observability — alarms to an encrypted topic, and a dashboard. */
export const monitoringInputs = z
  .object({
    name: z.string().min(1),
    /** Email subscriptions of the alert topic. */
    alarmEmails: z.array(z.email()),
    cpuThresholdPercent: z.number().min(1).max(100),
    /** Alarm when free storage drops below this share of the allocated storage. */
    freeStoragePercent: z.number().min(1).max(99),
  })
  .strict();
export type MonitoringInputs = z.infer<typeof monitoringInputs>;
