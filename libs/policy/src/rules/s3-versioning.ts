import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";

/** Versioning is what makes an overwritten or deleted object (a state file!) recoverable. */
export const s3Versioning: PolicyRule = {
  id: "INF-S3-004",
  title: "S3 bucket versioning is Enabled",
  mirrors: ["CKV_AWS_21"],
  catalogue: [27],
  resourceTypes: ["aws_s3_bucket"],
  severity: "high",
  check(bucket, index) {
    const [versioning] = index.referencing(bucket, "aws_s3_bucket_versioning", "bucket");
    if (!versioning) return [finding("aws_s3_bucket_versioning", undefined, "versioning_configuration.status = Enabled")];
    const status = get(versioning.values, "versioning_configuration.status");
    return status === "Enabled" ? [] : [finding(`${versioning.address}.versioning_configuration.status`, status, "Enabled")];
  },
};
