import { companionRule } from "./companion";
import { blocks, CMK, finding, get, isCmk, isTrue } from "./helpers";

/**
 * SSE-KMS with our own key, so access to the data also needs kms:Decrypt, and the bucket key on
 * to keep KMS request costs down. The ALB log bucket cannot use KMS: waive it there (AES256).
 */
export const s3Encryption = companionRule({
  id: "INF-S3-003",
  title: "S3 bucket default encryption is aws:kms with a CMK and bucket key",
  mirrors: ["CKV_AWS_145", "CKV_AWS_19"],
  catalogue: [26],
  resourceTypes: ["aws_s3_bucket"],
  severity: "high",
  companion: {
    type: "aws_s3_bucket_server_side_encryption_configuration",
    attribute: "bucket",
    missing: "aws:kms default encryption with a CMK and bucket_key_enabled",
  },
  checkCompanion(sse, _bucket, index) {
    const rule = blocks(sse.values, "rule")[0];
    const algorithm = get(rule, "apply_server_side_encryption_by_default.sse_algorithm");
    const key = get(rule, "apply_server_side_encryption_by_default.kms_master_key_id");
    const out = [];
    if (algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse")
      out.push(finding("rule.apply_server_side_encryption_by_default.sse_algorithm", algorithm, "aws:kms"));
    if (!isCmk(key, index)) out.push(finding("rule.apply_server_side_encryption_by_default.kms_master_key_id", key, CMK));
    if (!isTrue(rule?.["bucket_key_enabled"])) out.push(finding("rule.bucket_key_enabled", rule?.["bucket_key_enabled"], "true"));
    return out;
  },
});
