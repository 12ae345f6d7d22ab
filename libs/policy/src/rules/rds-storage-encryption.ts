import { mustBeTrue, mustBeCmk, requirementRule } from "./requirements";
import { RDS_DATABASES } from "./rds";

/** Encryption cannot be switched on later without a snapshot-restore, so it is decided at creation. */
export const rdsStorageEncryption = requirementRule({
  id: "INF-RDS-001",
  title: "RDS storage is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327", "AwsSolutions-RDS2"],
  catalogue: [6],
  resourceTypes: RDS_DATABASES,
  severity: "critical",
  requires: [mustBeTrue("storage_encrypted"), mustBeCmk("kms_key_id")],
});
