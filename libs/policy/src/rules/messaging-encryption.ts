import { mustBeCmk, requirementRule } from "./requirements";

/** SQS-managed SSE and alias/aws/sns keys cannot be scoped or audited: message stores use our key. */
export const sqsEncryption = requirementRule({
  id: "INF-SQS-001",
  title: "SQS queue is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_27", "CKV2_AWS_73"],
  catalogue: [59],
  resourceTypes: ["aws_sqs_queue"],
  severity: "medium",
  requires: [mustBeCmk("kms_master_key_id")],
});

export const snsEncryption = requirementRule({
  id: "INF-SNS-001",
  title: "SNS topic is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_26"],
  catalogue: [59],
  resourceTypes: ["aws_sns_topic"],
  severity: "medium",
  requires: [mustBeCmk("kms_master_key_id")],
});

export const timestreamEncryption = requirementRule({
  id: "INF-TS-001",
  title: "Timestream database is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_160"],
  catalogue: [59],
  resourceTypes: ["aws_timestreamwrite_database"],
  severity: "medium",
  requires: [mustBeCmk("kms_key_id")],
});
