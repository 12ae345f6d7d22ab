import type { PolicyRule } from "../types";
import { requireCmk, requireTrue } from "./helpers";

/** Encryption cannot be switched on later without a snapshot-restore, so it is decided at creation. */
export const rdsStorageEncryption: PolicyRule = {
  id: "INF-RDS-001",
  title: "RDS storage is encrypted with a customer-managed KMS key",
  mirrors: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327", "AwsSolutions-RDS2"],
  catalogue: [6],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  severity: "critical",
  check(db, index) {
    return [...requireTrue(db.values, "storage_encrypted"), ...requireCmk(db.values, "kms_key_id", index)];
  },
};
