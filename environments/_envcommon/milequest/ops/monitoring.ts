import { monitoringInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, stackRole, milequestModule } from "../common";
import { restApi } from "../api/rest";
import { websocket } from "../api/websocket";
import { jobs } from "../compute/jobs";
import { aurora } from "../data/aurora";
import { messaging } from "../integration/messaging";
import { kms } from "../security/kms";

/** Seed 003 "Monitoring Architecture": dashboard, alarms → SNS → email, X-Ray. */
export const monitoring = milequestModule("ops/monitoring", {
  schema: monitoringInputs,
  dependencies: {
    kms,
    aurora,
    messaging,
    rest: restApi,
    websocket,
    jobs,
  },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    role: stackRole(ctx),
    alarmEmails: [...new Set([...ctx.settings.alarmEmails, ...ctx.workload.alertEmails])],
    api5xxPercent: 1,
    apiLatencyP99Ms: 2000,
    lambdaErrorsPer5Min: 5,
    auroraAcuPercent: 80,
    xrayReservoirPerSecond: 1,
    xrayFixedRate: 0.05,
  }),
});
