import type { PolicyRule } from "../types";
import { requireTrue } from "./helpers";

/** Yearly rotation bounds how much data one key version protects. Only symmetric keys can rotate. */
export const kmsRotation: PolicyRule = {
  id: "INF-KMS-001",
  title: "KMS key rotation is enabled",
  mirrors: ["CKV_AWS_7"],
  catalogue: [56],
  resourceTypes: ["aws_kms_key"],
  severity: "medium",
  appliesTo: (key) => key.values["customer_master_key_spec"] === undefined || key.values["customer_master_key_spec"] === "SYMMETRIC_DEFAULT",
  check: (key) => requireTrue(key.values, "enable_key_rotation"),
};
