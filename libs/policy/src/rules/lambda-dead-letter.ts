import type { PolicyRule } from "../types";
import { finding, get, isTrue } from "./helpers";

/**
 * Failed async events land somewhere encrypted instead of vanishing after the retries: a DLQ,
 * or an on-failure destination. Sync-only handlers (API routes) carry a waiver.
 */
export const lambdaDeadLetter: PolicyRule = {
  id: "INF-LAMBDA-002",
  title: "Lambda function sends failed async events to an encrypted SQS queue or SNS topic",
  mirrors: ["CKV_AWS_116"],
  catalogue: [45],
  resourceTypes: ["aws_lambda_function"],
  severity: "medium",
  check(fn, index) {
    const destination =
      get(fn.values, "dead_letter_config.target_arn") ??
      index
        .referencing(fn, "aws_lambda_function_event_invoke_config", "function_name")
        .map((c) => get(c.values, "destination_config.on_failure.destination"))[0];
    if (!destination) return [finding("dead_letter_config.target_arn", undefined, "an encrypted SQS queue or SNS topic (or an on-failure destination)")];
    const target = index.resolve(destination);
    if (target?.type === "aws_sqs_queue" && !target.values["kms_master_key_id"] && !isTrue(target.values["sqs_managed_sse_enabled"])) {
      return [finding(`${target.address}.kms_master_key_id`, undefined, "encryption on the dead-letter queue")];
    }
    if (target?.type === "aws_sns_topic" && !target.values["kms_master_key_id"])
      return [finding(`${target.address}.kms_master_key_id`, undefined, "encryption on the dead-letter topic")];
    return [];
  },
};
