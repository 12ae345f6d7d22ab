import { mustBeTrue, requirementRule } from "./requirements";

/** Yearly rotation bounds how much data one key version protects. Only symmetric keys can rotate. */
export const kmsRotation = requirementRule({
  id: "INF-KMS-001",
  title: "KMS key rotation is enabled",
  mirrors: ["CKV_AWS_7"],
  catalogue: [56],
  resourceTypes: ["aws_kms_key"],
  severity: "medium",
  appliesTo: (key) => key.values["customer_master_key_spec"] === undefined || key.values["customer_master_key_spec"] === "SYMMETRIC_DEFAULT",
  requires: [mustBeTrue("enable_key_rotation")],
});
