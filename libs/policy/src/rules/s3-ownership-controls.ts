import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";

/**
 * ACLs off (BucketOwnerEnforced). CloudFront standard logging still writes with ACLs, so its
 * log bucket (the target of a distribution's logging_config) may use BucketOwnerPreferred.
 */
export const s3OwnershipControls: PolicyRule = {
  id: "INF-S3-002",
  title: "S3 bucket disables ACLs through ownership controls (BucketOwnerEnforced)",
  mirrors: ["CKV2_AWS_65"],
  catalogue: [25],
  resourceTypes: ["aws_s3_bucket"],
  severity: "high",
  check(bucket, index) {
    const cloudFrontLogs = index.referencing(bucket, "aws_cloudfront_distribution", "logging_config.bucket").length > 0;
    const allowed = cloudFrontLogs ? ["BucketOwnerEnforced", "BucketOwnerPreferred"] : ["BucketOwnerEnforced"];
    const expected = cloudFrontLogs ? "BucketOwnerEnforced or BucketOwnerPreferred (CloudFront log bucket)" : "BucketOwnerEnforced";
    const [controls] = index.referencing(bucket, "aws_s3_bucket_ownership_controls", "bucket");
    if (!controls) return [finding("aws_s3_bucket_ownership_controls", undefined, expected)];
    const ownership = get(controls.values, "rule.object_ownership");
    return allowed.includes(ownership as string) ? [] : [finding(`${controls.address}.rule.object_ownership`, ownership, expected)];
  },
};
