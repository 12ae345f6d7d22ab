import { companionRule } from "./companion";
import { finding, get } from "./helpers";

/** Versioning is what makes an overwritten or deleted object (a state file!) recoverable. */
export const s3Versioning = companionRule({
  id: "INF-S3-004",
  title: "S3 bucket versioning is Enabled",
  mirrors: ["CKV_AWS_21"],
  catalogue: [27],
  resourceTypes: ["aws_s3_bucket"],
  severity: "high",
  companion: { type: "aws_s3_bucket_versioning", attribute: "bucket", missing: "versioning_configuration.status = Enabled" },
  checkCompanion(versioning) {
    const status = get(versioning.values, "versioning_configuration.status");
    return status === "Enabled" ? [] : [finding("versioning_configuration.status", status, "Enabled")];
  },
});
