import { sumReservedConcurrency } from "@infra/config";
import { jobsInputs } from "@infra/milequest-inputs";
import { APP_DEPENDENCIES } from "../app-dependencies";
import { type Ctx, functionGroupDefaults, milequestModule } from "../common";

/** Seed 003 "Background Job Lambdas" fed by SQS, SNS and EventBridge. A standby region keeps its triggers off. */
export const jobs = milequestModule("compute/jobs", {
  schema: jobsInputs,
  // Counted against the account and region budget (region.ts reservedConcurrency, quotas).
  reservedConcurrency: (inputs) => sumReservedConcurrency(inputs.functions),
  dependencies: { ...APP_DEPENDENCIES },
  defaults: (ctx: Ctx) => ({
    ...functionGroupDefaults(ctx),
    functions: {
      processActivity: { memoryMb: 512, timeoutSeconds: 60, reservedConcurrency: 5 },
      sendNotifications: { memoryMb: 256, timeoutSeconds: 30, reservedConcurrency: 5 },
      syncWearables: { memoryMb: 512, timeoutSeconds: 300, reservedConcurrency: 2 },
      exportAnalytics: { memoryMb: 256, timeoutSeconds: 60, reservedConcurrency: 5 },
    },
    wearableSyncSchedule: "rate(1 hour)",
    activityBatchSize: 10,
    triggersEnabled: ctx.region.role === "primary",
    sesIdentityDomain: ctx.workload.domain,
  }),
});
