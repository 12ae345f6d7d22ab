import type { StackIndex, SynthResource } from "../types";
import { companionRule } from "./companion";
import { finding, get } from "./helpers";

const isCloudFrontLogBucket = (bucket: SynthResource, index: StackIndex) =>
  index.referencing(bucket, "aws_cloudfront_distribution", "logging_config.bucket").length > 0;

const expectedOwnership = (bucket: SynthResource, index: StackIndex) =>
  isCloudFrontLogBucket(bucket, index) ? "BucketOwnerEnforced or BucketOwnerPreferred (CloudFront log bucket)" : "BucketOwnerEnforced";

/**
 * ACLs off (BucketOwnerEnforced). CloudFront standard logging still writes with ACLs, so its
 * log bucket (the target of a distribution's logging_config) may use BucketOwnerPreferred.
 */
export const s3OwnershipControls = companionRule({
  id: "INF-S3-002",
  title: "S3 bucket disables ACLs through ownership controls (BucketOwnerEnforced)",
  mirrors: ["CKV2_AWS_65"],
  catalogue: [25],
  resourceTypes: ["aws_s3_bucket"],
  severity: "high",
  companion: { type: "aws_s3_bucket_ownership_controls", attribute: "bucket", missing: expectedOwnership },
  checkCompanion(controls, bucket, index) {
    const allowed = isCloudFrontLogBucket(bucket, index) ? ["BucketOwnerEnforced", "BucketOwnerPreferred"] : ["BucketOwnerEnforced"];
    const ownership = get(controls.values, "rule.object_ownership");
    return allowed.includes(ownership as string) ? [] : [finding("rule.object_ownership", ownership, expectedOwnership(bucket, index))];
  },
});
