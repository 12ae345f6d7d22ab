import type { PolicyRule, StackIndex, SynthResource } from "../types";
import { finding } from "./helpers";

/** A queue is a DLQ when something sends its failures there. */
function isDeadLetterQueue(queue: SynthResource, index: StackIndex): boolean {
  return (
    index.referencing(queue, "aws_sqs_queue", "redrive_policy").length > 0 ||
    index.referencing(queue, "aws_sqs_queue_redrive_policy", "redrive_policy").length > 0 ||
    index.referencing(queue, "aws_lambda_function", "dead_letter_config").length > 0 ||
    index.referencing(queue, "aws_sqs_queue_redrive_allow_policy", "queue_url").length > 0
  );
}

/** A poison message retried forever blocks its consumers; after N receives it moves to a DLQ. */
export const sqsRedrive: PolicyRule = {
  id: "INF-SQS-002",
  title: "SQS queue has a redrive policy (unless it is a dead-letter queue)",
  mirrors: ["AwsSolutions-SQS3"],
  catalogue: [60],
  resourceTypes: ["aws_sqs_queue"],
  severity: "medium",
  appliesTo: (queue, index) => !isDeadLetterQueue(queue, index),
  check(queue, index) {
    if (queue.values["redrive_policy"] || index.referencing(queue, "aws_sqs_queue_redrive_policy", "queue_url").length) return [];
    return [finding("redrive_policy", undefined, "a deadLetterTargetArn and maxReceiveCount")];
  },
};
