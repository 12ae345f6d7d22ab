import { messagingInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, milequestModule } from "../common";
import { kms } from "../security/kms";

/** Seed 003 "SQS Queues", "SNS Topics", "EventBridge". */
export const messaging = milequestModule("integration/messaging", {
  schema: messagingInputs,
  dependencies: { kms },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    // 6x processActivity's 60 s timeout (AWS guidance for Lambda consumers).
    activityQueueVisibilitySeconds: 360,
    maxReceiveCount: 5,
    archiveRetentionDays: ctx.settings.deletionProtection ? 90 : 14,
  }),
});
