import type { PolicyRule } from "../types";
import { resourcePolicyFindings } from "./resource-policy";

/** Queues accept only TLS, from named principals doing named things. */
export const sqsPolicy: PolicyRule = {
  id: "INF-SQS-003",
  title: 'SQS queue policy denies non-TLS and has no "*" principal or action',
  mirrors: ["AwsSolutions-SQS4", "CKV_AWS_72", "CKV_AWS_168"],
  catalogue: [61],
  resourceTypes: ["aws_sqs_queue"],
  severity: "high",
  check(queue, index) {
    const [policy] = index.referencing(queue, "aws_sqs_queue_policy", "queue_url");
    return policy
      ? resourcePolicyFindings(`${policy.address}.policy`, policy.values["policy"], "sqs", index)
      : resourcePolicyFindings("policy", queue.values["policy"], "sqs", index);
  },
};

/** Topics accept only TLS publishes, from named principals doing named things. */
export const snsPolicy: PolicyRule = {
  id: "INF-SNS-002",
  title: 'SNS topic policy denies non-TLS and has no "*" principal or action',
  mirrors: ["AwsSolutions-SNS3", "CKV_AWS_169"],
  catalogue: [61],
  resourceTypes: ["aws_sns_topic"],
  severity: "high",
  check(topic, index) {
    const [policy] = index.referencing(topic, "aws_sns_topic_policy", "arn");
    return policy
      ? resourcePolicyFindings(`${policy.address}.policy`, policy.values["policy"], "sns", index)
      : resourcePolicyFindings("policy", topic.values["policy"], "sns", index);
  },
};
