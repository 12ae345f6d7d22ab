import type { PolicyRule } from "../types";
import { finding } from "./helpers";
import { statementsOf, unconditionedPublicAllows } from "./policy-document";

/**
 * The default key policy hands the key to every IAM principal of the account; an explicit policy
 * says who uses and who administers it, and never allows "*" without a condition.
 */
export const kmsPolicy: PolicyRule = {
  id: "INF-KMS-002",
  title: 'KMS key has an explicit policy without an unconditioned "*" principal',
  mirrors: ["CKV_AWS_33", "CKV2_AWS_64", "AwsSolutions-KMS5"],
  catalogue: [56],
  resourceTypes: ["aws_kms_key"],
  severity: "high",
  check(key, index) {
    const policy = key.values["policy"] ?? index.referencing(key, "aws_kms_key_policy", "key_id")[0]?.values["policy"];
    if (policy === undefined) return [finding("policy", undefined, "an explicit key policy (or aws_kms_key_policy)")];
    const statements = statementsOf(policy, index);
    if (!statements) return [finding("policy", "not readable at synth time", "a JSON policy or data.aws_iam_policy_document")];
    return unconditionedPublicAllows(statements).length
      ? [finding("policy", 'Allow to Principal "*" without condition', 'no unconditioned "*" principal')]
      : [];
  },
};
