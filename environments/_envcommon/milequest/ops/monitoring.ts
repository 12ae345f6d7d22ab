import { defineModule } from "@infra/config";
import { monitoringInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, stackRole } from "../common";

/** Seed 003 "Monitoring Architecture": dashboard, alarms → SNS → email, X-Ray. */
export const monitoring = defineModule({
  workload: "milequest",
  category: "milequest-ops",
  module: "monitoring",
  builder: "milequest/monitoring",
  schema: monitoringInputs,
  source: "environments/_envcommon/milequest/ops/monitoring.ts",
  dependencies: {
    kms: { category: "milequest-security", module: "kms" },
    aurora: { category: "milequest-data", module: "aurora" },
    messaging: { category: "milequest-integration", module: "messaging" },
    rest: { category: "milequest-api", module: "rest" },
    websocket: { category: "milequest-api", module: "websocket" },
    jobs: { category: "milequest-compute", module: "jobs" },
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
