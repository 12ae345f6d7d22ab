import { atlasAlertsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS, prefix } from "../features";
import { atlasModule } from "../workload";

/** The application log group /accountabilityatlas/<env> and the alarm topics (SMS for critical alarms from phase 3). */
export const alerts = atlasModule("ops/alerts", {
  schema: atlasAlertsInputs,
  enabled: inPrimary,
  dependencies: { kms: KMS },
  defaults: (ctx: AtlasContext) => ({
    name: prefix(ctx),
    logGroupName: `/accountabilityatlas/${ctx.env.name}`,
    logRetentionDays: ctx.settings.logRetentionDays,
    emails: [...new Set([...ctx.settings.alarmEmails, ...ctx.workload.alarmEmails])],
    smsNumbers: features(ctx).alarms === "full-sms" ? [...ctx.workload.criticalAlarmSms] : [],
    smsDelivery: ctx.workload.smsDelivery,
  }),
});
