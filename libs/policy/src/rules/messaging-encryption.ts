import type { PolicyRule } from "../types";
import { requireCmk } from "./helpers";

/** SQS-managed SSE and alias/aws/sns keys cannot be scoped or audited: message stores use our key. */
export const sqsEncryption: PolicyRule = {
  id: "INF-SQS-001",
  title: "SQS queue is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_27", "CKV2_AWS_73"],
  catalogue: [59],
  resourceTypes: ["aws_sqs_queue"],
  severity: "medium",
  check: (queue, index) => requireCmk(queue.values, "kms_master_key_id", index),
};

export const snsEncryption: PolicyRule = {
  id: "INF-SNS-001",
  title: "SNS topic is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_26"],
  catalogue: [59],
  resourceTypes: ["aws_sns_topic"],
  severity: "medium",
  check: (topic, index) => requireCmk(topic.values, "kms_master_key_id", index),
};

export const timestreamEncryption: PolicyRule = {
  id: "INF-TS-001",
  title: "Timestream database is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_160"],
  catalogue: [59],
  resourceTypes: ["aws_timestreamwrite_database"],
  severity: "medium",
  check: (db, index) => requireCmk(db.values, "kms_key_id", index),
};
