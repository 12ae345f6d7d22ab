import { companionRule } from "./companion";
import { finding, isTrue } from "./helpers";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] as const;

/** Account-level blocks are outside the stack; each bucket carries its own so it stays private wherever it moves. */
export const s3PublicAccessBlock = companionRule({
  id: "INF-S3-001",
  title: "S3 bucket has a public access block with all four flags true",
  mirrors: ["CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "AwsSolutions-S2"],
  catalogue: [24],
  resourceTypes: ["aws_s3_bucket"],
  severity: "critical",
  companion: { type: "aws_s3_bucket_public_access_block", attribute: "bucket", missing: "a public access block on this bucket with all four flags true" },
  checkCompanion: (pab) => FLAGS.filter((flag) => !isTrue(pab.values[flag])).map((flag) => finding(flag, pab.values[flag], "true")),
});
