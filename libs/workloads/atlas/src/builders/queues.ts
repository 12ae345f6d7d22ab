import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { StackBuilder } from "@infra/core";
import { Queue } from "@infra/messaging";
import type { AtlasQueuesInputs } from "../inputs/modules";
import type { ServiceName } from "../inputs/phase";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

export interface AtlasQueue {
  readonly consumer: ServiceName;
  readonly producers: readonly ServiceName[];
  readonly queueName: string;
  readonly queueArn: string;
  readonly queueUrl: string;
  readonly dlqName: string;
}

export interface AtlasQueues {
  readonly queues: readonly AtlasQueue[];
  readonly kmsKeyArn: string;
}

/** SQS (seed phase 1+): one CMK-encrypted queue with a DLQ per consuming service. */
export const buildAtlasQueues: StackBuilder<AtlasQueuesInputs, AtlasQueues> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const queues = inputs.queues.map((q) => {
    const queue = new Queue(stack, q.consumer, {
      name: `${inputs.prefix}-${q.consumer}`,
      kmsKeyArn: keys.data.keyArn,
      visibilityTimeoutSeconds: inputs.visibilityTimeoutSeconds,
      deadLetter: { maxReceiveCount: inputs.maxReceiveCount },
      tags: atlasTags(q.consumer),
    });
    return {
      consumer: q.consumer,
      producers: q.producers,
      queueName: queue.queueName,
      queueArn: queue.queueArn,
      queueUrl: queue.queueUrl,
      dlqName: queue.dlqName,
    };
  });
  return { queues, kmsKeyArn: keys.data.keyArn };
};

/** IAM statements of one service: send to the queues it produces for, consume the one named after it. */
export function queueStatements(service: ServiceName, q: AtlasQueues): DataAwsIamPolicyDocumentStatement[] {
  const send = q.queues.filter((x) => x.producers.includes(service)).map((x) => x.queueArn);
  const consume = q.queues.filter((x) => x.consumer === service).map((x) => x.queueArn);
  const out: DataAwsIamPolicyDocumentStatement[] = [];
  if (send.length) out.push({ sid: "SendEvents", effect: "Allow", actions: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"], resources: send });
  if (consume.length) {
    out.push({
      sid: "ConsumeEvents",
      effect: "Allow",
      actions: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
      resources: consume,
    });
  }
  if (out.length) out.push({ sid: "QueueKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [q.kmsKeyArn] });
  return out;
}
