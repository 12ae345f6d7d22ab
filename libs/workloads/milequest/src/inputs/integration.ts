import { z } from "zod";
import { name } from "./common";

/** milequest-integration/messaging: seed 003 "SQS Queues", "SNS Topics", "EventBridge". */
export const messagingInputs = z
  .object({
    name,
    /** Visibility timeout of the activity queue: >= 6x its consumer's timeout. */
    activityQueueVisibilitySeconds: z.number().int().min(0).max(43200),
    maxReceiveCount: z.number().int().min(1).max(1000),
    /** Days the EventBridge archive keeps analytics events (replay into the data lake). */
    archiveRetentionDays: z.number().int().min(1),
  })
  .strict();
export type MessagingInputs = z.infer<typeof messagingInputs>;
