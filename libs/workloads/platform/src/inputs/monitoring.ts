import { alarmThreshold } from "@infra/config";
import { z } from "zod";

/** Inputs of ops/monitoring: seed 004's observability — alarms to an encrypted topic, and a dashboard. */
export const monitoringInputs = z
  .object({
    name: z.string().min(1),
    /** Email subscriptions of the alert topic. */
    alarmEmails: z.array(z.email()),
    /**
     * Each alarm is a threshold and the window CloudWatch evaluates it over (period 10, 30 or a
     * multiple of 60 seconds; period x evaluationPeriods <= 7 days): a threshold without a period is
     * not an alarm.
     */
    alarms: z
      .object({
        /** ECS hosts' and RDS CPU above this percent (seed 004: 80 %). */
        cpuHigh: alarmThreshold(z.number().min(1).max(100)),
        /** RDS free storage below this share of the allocated storage, in percent (seed 004: 10 %). */
        freeStorageLow: alarmThreshold(z.number().min(1).max(99)),
        /**
         * ECS hosts' root volume used above this percent, the fullest instance of the group (seed 004 "Low disk
         * space (<10%)": 90 % used). Published by the CloudWatch agent (services/ecs-cluster).
         */
        diskUsedHigh: alarmThreshold(z.number().min(1).max(99)),
      })
      .strict(),
  })
  .strict();
export type MonitoringInputs = z.infer<typeof monitoringInputs>;
