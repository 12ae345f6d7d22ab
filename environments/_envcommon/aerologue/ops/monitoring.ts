import { monitoringInputs } from "@infra/aerologue-inputs";
import { prefix } from "../names";
import { api } from "../compute/api";
import { functions } from "../compute/functions";
import { aurora } from "../data/aurora";
import { dynamodb } from "../data/dynamodb";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

/** ARC-010 alarms to SNS → email. */
export const monitoring = aerologueModule("ops/monitoring", {
  schema: monitoringInputs,
  dependencies: {
    kms,
    api,
    functions,
    aurora,
    dynamodb,
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
