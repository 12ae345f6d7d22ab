import { mustBeCmk, requirementRule } from "./requirements";

/** With our key, reading a secret also needs kms:Decrypt: a second, auditable gate (and cross-account use). */
export const secretEncryption = requirementRule({
  id: "INF-SM-001",
  title: "Secrets Manager secret is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_149"],
  catalogue: [57],
  resourceTypes: ["aws_secretsmanager_secret"],
  severity: "medium",
  requires: [mustBeCmk("kms_key_id")],
});
