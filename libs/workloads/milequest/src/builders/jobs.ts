import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import type { StackBuilder } from "@infra/core";
import type { LambdaFunction } from "@infra/lambda";
import { EventRule } from "@infra/messaging";
import type { JobFunction, JobsInputs } from "../inputs";
import { DATA_LAKE_EVENTS } from "./analytics-tables";
import { FunctionFactory, appDependencies } from "./functions";
import { ANALYTICS_EVENT_SOURCES } from "./messaging";

const DESCRIPTIONS: Record<JobFunction, string> = {
  processActivity: "job (SQS): process logged and synced activities into Aurora and live progress",
  sendNotifications: "job (SNS): team invitations and milestone emails",
  syncWearables: "job (EventBridge schedule): pull Fitbit and Google Fit activity",
  exportAnalytics: "job (EventBridge events): write domain events to the S3 data lake",
};

export interface JobsOutputs {
  readonly functions: Readonly<Record<JobFunction, LambdaFunction>>;
}

/**
 * Seed 003 "Background Job Lambdas", each with its feed: SQS → processActivity, SNS →
 * sendNotifications, EventBridge schedule → syncWearables (Fitbit, Google Fit), EventBridge
 * events → exportAnalytics → S3 data lake (the analytics path). In a standby region the triggers
 * exist but stay disabled until failover, so nothing runs twice.
 */
export const buildJobs: StackBuilder<JobsInputs, JobsOutputs> = (stack, inputs, ctx) => {
  const deps = appDependencies(ctx);
  const factory = new FunctionFactory(stack, inputs, deps, ctx);
  const { messaging, storage, secrets } = deps;
  // The layout Athena's events table projects (data-analytics): one source of truth for writer and reader.
  const EVENTS_LAYOUT = {
    DATA_LAKE_EVENTS_PREFIX: DATA_LAKE_EVENTS.prefix,
    DATA_LAKE_EVENTS_PARTITION: `${DATA_LAKE_EVENTS.partitionKey}=${DATA_LAKE_EVENTS.partitionFormat}`,
  };
  const fns = Object.fromEntries(
    (Object.keys(DESCRIPTIONS) as JobFunction[]).map((fn) => [
      fn,
      factory.create(fn, inputs.functions[fn], DESCRIPTIONS[fn], fn === "exportAnalytics" ? EVENTS_LAYOUT : {}),
    ]),
  ) as Record<JobFunction, LambdaFunction>;

  // SQS → processActivity (write path: SQS Queue → Lambda Jobs → Aurora).
  fns.processActivity.addSqsEventSource("activity", {
    queueArn: messaging.activityQueue.queueArn,
    queueKmsKeyArn: messaging.kmsKeyArn,
    batchSize: inputs.activityBatchSize,
    enabled: inputs.triggersEnabled,
  });
  factory.grantDatabase(fns.processActivity);
  factory.grantTable(fns.processActivity, "realtime", "readWrite");
  factory.grantPutEvents(fns.processActivity);

  // SNS → sendNotifications.
  new LambdaPermission(stack, "team-events-invoke", {
    statementId: "AllowTeamEventsTopic",
    action: "lambda:InvokeFunction",
    functionName: fns.sendNotifications.functionName,
    principal: "sns.amazonaws.com",
    sourceArn: messaging.teamEvents.topicArn,
  });
  new SnsTopicSubscription(stack, "team-events-subscription", {
    topicArn: messaging.teamEvents.topicArn,
    protocol: "lambda",
    endpoint: fns.sendNotifications.functionArn,
  });
  factory.grantDatabase(fns.sendNotifications);
  fns.sendNotifications.addToRolePolicy({
    sid: "SendEmail",
    actions: ["ses:SendEmail", "ses:SendRawEmail"],
    resources: [`arn:aws:ses:${factory.region}:${factory.accountId}:identity/${inputs.sesIdentityDomain}`],
  });

  // EventBridge schedule → syncWearables (→ Fitbit API, Google Fit).
  new EventRule(stack, "wearable-sync", {
    name: `${inputs.name}-wearable-sync`,
    description: "Pull wearable activity from Fitbit and Google Fit",
    schedule: inputs.wearableSyncSchedule,
    enabled: inputs.triggersEnabled,
    targets: { syncWearables: { type: "lambda", function: fns.syncWearables, maxRetryAttempts: 2, maxEventAgeSeconds: 3600 } },
  });
  factory.grantSecret(fns.syncWearables, "ReadFitbit", `${secrets.prefix}/external/fitbit`);
  factory.grantSecret(fns.syncWearables, "ReadGoogleFit", `${secrets.prefix}/external/google-fit`);
  factory.grantDatabase(fns.syncWearables);
  messaging.activityQueue.grantSend(fns.syncWearables, { sid: "SendActivity" });

  // EventBridge events → exportAnalytics → S3 data lake (analytics path).
  new EventRule(stack, "analytics-export", {
    name: `${inputs.name}-analytics-export`,
    description: "Domain events to the S3 data lake",
    eventBusName: messaging.eventBusName,
    eventPattern: { source: [...ANALYTICS_EVENT_SOURCES] },
    enabled: inputs.triggersEnabled,
    targets: { exportAnalytics: { type: "lambda", function: fns.exportAnalytics, maxRetryAttempts: 10 } },
  });
  storage.dataLake.grantReadWrite(fns.exportAnalytics, { keyPrefix: "events/", sid: "WriteDataLake" });
  return { functions: fns };
};
