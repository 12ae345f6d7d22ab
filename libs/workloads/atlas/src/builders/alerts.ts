import { type StackBuilder, requirePrerequisite } from "@infra/core";
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
  if (inputs.smsNumbers.length > 0) {
    // The subscriptions apply in any account; delivery depends on the account's SMS state, which no stack sets.
    requirePrerequisite(critical, {
      requirement: {
        kind: "sms-delivery",
        numbers: inputs.smsNumbers,
        access: inputs.smsDelivery.mode,
        ...(inputs.smsDelivery.mode === "production" && inputs.smsDelivery.originationNumber
          ? { originationNumber: inputs.smsDelivery.originationNumber }
          : {}),
      },
      neededAt: "runtime",
      reason:
        inputs.smsDelivery.mode === "sandbox"
          ? "critical alarms by SMS (seed 001 phase 3+): the account is in the SNS SMS sandbox, which delivers only to verified numbers"
          : "critical alarms by SMS (seed 001 phase 3+): SNS SMS production access and an origination identity for the destination country",
    });
  }
  return { warningTopicArn: warning.topicArn, criticalTopicArn: critical.topicArn, logGroupName: logs.logGroupName, logGroupArn: logs.logGroupArn };
};
