import type { PolicyRule } from "../types";
import { subjectPolicyFindings } from "./resource-policy";

/** Queues accept only TLS, from named principals doing named things. */
export const sqsPolicy: PolicyRule = {
  id: "INF-SQS-003",
  title: 'SQS queue policy denies non-TLS and has no "*" principal or action',
  mirrors: ["AwsSolutions-SQS4", "CKV_AWS_72", "CKV_AWS_168"],
  catalogue: [61],
  resourceTypes: ["aws_sqs_queue"],
  severity: "high",
  check: (queue, index) => subjectPolicyFindings(queue, index, "aws_sqs_queue_policy", "queue_url", "sqs"),
};

/** Topics accept only TLS publishes, from named principals doing named things. */
export const snsPolicy: PolicyRule = {
  id: "INF-SNS-002",
  title: 'SNS topic policy denies non-TLS and has no "*" principal or action',
  mirrors: ["AwsSolutions-SNS3", "CKV_AWS_169"],
  catalogue: [61],
  resourceTypes: ["aws_sns_topic"],
  severity: "high",
  check: (topic, index) => subjectPolicyFindings(topic, index, "aws_sns_topic_policy", "arn", "sns"),
};
