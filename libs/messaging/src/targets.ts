import type { LambdaTarget } from "@infra/lambda";
import type { QueueTarget } from "./queue";

/** What an EventBridge rule or schedule invokes. */
export type EventTarget =
  | { readonly type: "lambda"; readonly function: LambdaTarget; readonly input?: Readonly<Record<string, unknown>> }
  | {
      readonly type: "sqs";
      readonly queue: QueueTarget;
      /** Required for FIFO queues. */
      readonly messageGroupId?: string;
      readonly input?: Readonly<Record<string, unknown>>;
    }
  | { readonly type: "sfn"; readonly stateMachineArn: string; readonly input?: Readonly<Record<string, unknown>> };

export interface TargetDelivery {
  /** SQS queue ARN for events that could not be delivered. @default none */
  readonly deadLetterQueueArn?: string;
  /** Retries, 0..185. @default 185 (the AWS default) */
  readonly maxRetryAttempts?: number;
  /** Seconds an event may wait for delivery, 60..86400. @default 86400 */
  readonly maxEventAgeSeconds?: number;
}

export function targetErrors(name: string, target: EventTarget, delivery: TargetDelivery): (string | undefined)[] {
  const r = delivery.maxRetryAttempts;
  const a = delivery.maxEventAgeSeconds;
  return [
    target.type === "sqs" && target.queue.fifo && !target.messageGroupId ? `target "${name}" is a FIFO queue: set messageGroupId` : undefined,
    r !== undefined && (!Number.isInteger(r) || r < 0 || r > 185) ? `target "${name}": maxRetryAttempts ${r} must be 0..185` : undefined,
    a !== undefined && (!Number.isInteger(a) || a < 60 || a > 86400) ? `target "${name}": maxEventAgeSeconds ${a} must be 60..86400` : undefined,
  ];
}
