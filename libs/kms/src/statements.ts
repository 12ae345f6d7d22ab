import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/**
 * A key policy statement (a resource policy: it names principals), in the shape of
 * `data.aws_iam_policy_document`'s `statement` block. Grants to roles use `PolicyStatement` of `@infra/iam`.
 */
export type KeyPolicyStatement = DataAwsIamPolicyDocumentStatement;

/** @deprecated Key policy statements are `KeyPolicyStatement`; grants take a `Grantee` of `@infra/iam` (ADR 0115). */
export type PolicyStatement = KeyPolicyStatement;

/** Actions a principal needs to encrypt and decrypt with a key (envelope encryption included). */
export const ENCRYPT_DECRYPT_ACTIONS = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"] as const;

/** Actions a principal needs to read data encrypted with a key. */
export const DECRYPT_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"] as const;

/** Key administration without the right to use the key for cryptography. */
export const KEY_ADMIN_ACTIONS = [
  "kms:CancelKeyDeletion",
  "kms:Create*",
  "kms:Delete*",
  "kms:Describe*",
  "kms:Disable*",
  "kms:Enable*",
  "kms:Get*",
  "kms:List*",
  "kms:Put*",
  "kms:Revoke*",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:Update*",
] as const;
