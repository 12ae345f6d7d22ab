import { defineModule } from "@infra/config";
import { type AerologueConfig, monitoringInputs } from "@infra/aerologue-inputs";
import { prefix } from "../names";

/** ARC-010 alarms to SNS → email. */
export const monitoring = defineModule<typeof monitoringInputs, AerologueConfig>({
  workload: "aerologue",
  category: "aerologue-ops",
  module: "monitoring",
  builder: "aerologue/monitoring",
  schema: monitoringInputs,
  source: "environments/_envcommon/aerologue/ops/monitoring.ts",
  dependencies: {
    kms: { category: "aerologue-security", module: "kms" },
    api: { category: "aerologue-compute", module: "api" },
    functions: { category: "aerologue-compute", module: "functions" },
    aurora: { category: "aerologue-data", module: "aurora" },
    dynamodb: { category: "aerologue-data", module: "dynamodb" },
  },
  defaults: (ctx) => ({
    prefix: prefix(ctx),
    emails: [...ctx.workload.alarmEmails],
    api5xxPercent: 5,
    apiP99Seconds: 2,
    lambdaErrors: 10,
    auroraCpuPercent: 80,
    dynamodbThrottles: 0,
    // ARC-006: 100,000 connections (soft limit).
    wsConnectionLimit: 100000,
    wsConnectionsPercent: 80,
  }),
});
