import { CloudwatchEventArchive } from "@cdktf/provider-aws/lib/cloudwatch-event-archive";
import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import type { StackBuilder } from "@infra/core";
import { Queue, Topic } from "@infra/messaging";
import type { MessagingInputs } from "../inputs";
import { buildKms } from "./security";

/** Event sources the analytics path exports (EventBridge pattern of exportAnalytics and the archive). */
export const ANALYTICS_EVENT_SOURCES = ["milequest.activity", "milequest.team"] as const;

export interface MessagingOutputs {
  /** Seed 003 "EventBridge": the custom bus the write path publishes domain events to. */
  readonly eventBusName: string;
  readonly eventBusArn: string;
  /** Seed 003 "SQS Queue" of the write path: activities to process (→ processActivity). */
  readonly activityQueue: Queue;
  /** Seed 003 "SNS Topics": team events (invitations, milestones) fanned out to sendNotifications. */
  readonly teamEvents: Topic;
  /** Dead-letter queue of every Mile Quest function's failed asynchronous invocations. */
  readonly functionDlq: Queue;
  /** The CMK of all of the above. */
  readonly kmsKeyArn: string;
}

export const buildMessaging: StackBuilder<MessagingInputs, MessagingOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const bus = new CloudwatchEventBus(stack, "event-bus", {
    name: `${inputs.name}-events`,
    description: "Mile Quest domain events (write path → analytics path)",
    kmsKeyIdentifier: keys.app.keyArn,
    tags: { Name: `${inputs.name}-events` },
  });
  // EventBridge encrypts events on the bus and in the archive with the key itself (plus DescribeKey).
  keys.app.allowService("events", bus, ["kms:DescribeKey"]);
  const archive = new CloudwatchEventArchive(stack, "analytics-archive", {
    name: `${inputs.name}-analytics`.slice(0, 48),
    description: "Analytics events, replayable into the data lake",
    eventSourceArn: bus.arn,
    eventPattern: JSON.stringify({ source: [...ANALYTICS_EVENT_SOURCES] }),
    retentionDays: inputs.archiveRetentionDays,
    kmsKeyIdentifier: keys.app.keyArn,
  });
  keys.app.allowService("events", archive, ["kms:DescribeKey"]);
  const deadLetter = { maxReceiveCount: inputs.maxReceiveCount };
  const activityQueue = new Queue(stack, "activity-queue", {
    name: `${inputs.name}-activity`,
    kmsKeyArn: keys.app.keyArn,
    visibilityTimeoutSeconds: inputs.activityQueueVisibilitySeconds,
    deadLetter,
  });
  const functionDlq = new Queue(stack, "function-dlq", {
    name: `${inputs.name}-function-failures`,
    kmsKeyArn: keys.app.keyArn,
    retentionSeconds: 1209600,
    deadLetter,
  });
  const teamEvents = new Topic(stack, "team-events", { name: `${inputs.name}-team-events`, kmsKeyArn: keys.app.keyArn, tracing: "Active" });
  return { eventBusName: bus.name, eventBusArn: bus.arn, activityQueue, teamEvents, functionDlq, kmsKeyArn: keys.app.keyArn };
};
