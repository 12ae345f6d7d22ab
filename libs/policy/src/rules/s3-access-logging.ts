import type { StackIndex, SynthResource } from "../types";
import { companionRule } from "./companion";
import { finding } from "./helpers";

/** A bucket that receives access logs (S3, CloudFront or ALB) is a log bucket. */
function isLogBucket(bucket: SynthResource, index: StackIndex): boolean {
  return (
    index.referencing(bucket, "aws_s3_bucket_logging", "target_bucket").some((l) => index.resolve(l.values["bucket"]) !== bucket) ||
    index.referencing(bucket, "aws_cloudfront_distribution", "logging_config.bucket").length > 0 ||
    index.referencing(bucket, "aws_lb", "access_logs.bucket").length > 0
  );
}

/**
 * Server access logs go to a separate log bucket. The log bucket itself is exempt: logging it
 * into itself loops, and logging it elsewhere only moves the question one bucket further.
 */
export const s3AccessLogging = companionRule({
  id: "INF-S3-005",
  title: "S3 bucket sends access logs to a separate log bucket",
  mirrors: ["CKV_AWS_18", "AwsSolutions-S1"],
  catalogue: [28],
  resourceTypes: ["aws_s3_bucket"],
  severity: "medium",
  appliesTo: (bucket, index) => !isLogBucket(bucket, index),
  companion: { type: "aws_s3_bucket_logging", attribute: "bucket", missing: "access logging to a log bucket" },
  checkCompanion(logging, bucket, index) {
    const target = logging.values["target_bucket"];
    return index.resolve(target) === bucket ? [finding("target_bucket", target, "a different (log) bucket")] : [];
  },
});
