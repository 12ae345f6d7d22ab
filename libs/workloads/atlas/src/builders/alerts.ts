import type { StackBuilder } from "@infra/core";
import { AlertTopic, LogGroup } from "@infra/monitoring";
import type { AtlasAlertsInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

export interface AtlasAlerts {
  /** Email (seed: "Email notification"). */
  readonly warningTopicArn: string;
  /** Email + SMS from phase 3 (seed: "SMS + Email" for critical alarms). */
  readonly criticalTopicArn: string;
  /** `/accountabilityatlas/<env>`: the awslogs group of the compose services (phase 1). */
  readonly logGroupName: string;
  readonly logGroupArn: string;
}

export const buildAtlasAlerts: StackBuilder<AtlasAlertsInputs, AtlasAlerts> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const tags = atlasTags("monitoring");
  const logs = new LogGroup(stack, "app-logs", {
    name: inputs.logGroupName,
    retentionDays: inputs.logRetentionDays,
    kmsKeyArn: keys.logs.keyArn,
    tags,
  });
  const warning = new AlertTopic(stack, "warning", { name: `${inputs.name}-alarms-warning`, kmsKeyArn: keys.alerts.keyArn, emails: inputs.emails, tags });
  const critical = new AlertTopic(stack, "critical", {
    name: `${inputs.name}-alarms-critical`,
    kmsKeyArn: keys.alerts.keyArn,
    emails: inputs.emails,
    smsNumbers: inputs.smsNumbers,
    tags,
  });
  return { warningTopicArn: warning.topicArn, criticalTopicArn: critical.topicArn, logGroupName: logs.logGroupName, logGroupArn: logs.logGroupArn };
};
