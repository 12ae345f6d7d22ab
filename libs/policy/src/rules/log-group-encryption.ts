import { mustBeCmk, requirementRule } from "./requirements";

/** Logs carry request data and identifiers; our key lets us restrict and audit who reads them. */
export const logGroupEncryption = requirementRule({
  id: "INF-LOG-001",
  title: "CloudWatch log group is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_158"],
  catalogue: [53],
  resourceTypes: ["aws_cloudwatch_log_group"],
  severity: "medium",
  requires: [mustBeCmk("kms_key_id")],
});
