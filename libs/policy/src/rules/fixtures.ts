/** Hand-built synthesized JSON for rule tests: a compliant baseline each test bends one way. */
import type { JsonObject } from "../types";

type Resources = Record<string, Record<string, JsonObject>>;

/** A bucket `b` with every satellite the S3 rules ask for, plus its key and log bucket. */
export function compliantBucket(): Resources {
  return {
    aws_kms_key: { k: { enable_key_rotation: true } },
    aws_s3_bucket: { b: { bucket: "data" }, logs: { bucket: "logs" } },
    aws_s3_bucket_public_access_block: {
      b: { bucket: "${aws_s3_bucket.b.id}", block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
    },
    aws_s3_bucket_ownership_controls: { b: { bucket: "${aws_s3_bucket.b.id}", rule: { object_ownership: "BucketOwnerEnforced" } } },
    aws_s3_bucket_server_side_encryption_configuration: {
      b: {
        bucket: "${aws_s3_bucket.b.id}",
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.k.arn}" }, bucket_key_enabled: true }],
      },
    },
    aws_s3_bucket_versioning: { b: { bucket: "${aws_s3_bucket.b.id}", versioning_configuration: { status: "Enabled" } } },
    aws_s3_bucket_logging: { b: { bucket: "${aws_s3_bucket.b.id}", target_bucket: "${aws_s3_bucket.logs.id}", target_prefix: "data/" } },
    aws_s3_bucket_policy: {
      b: {
        bucket: "${aws_s3_bucket.b.id}",
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: ["${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*"],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
      },
    },
    aws_s3_bucket_lifecycle_configuration: {
      b: {
        bucket: "${aws_s3_bucket.b.id}",
        rule: [
          { id: "hygiene", status: "Enabled", filter: {}, abort_incomplete_multipart_upload: { days_after_initiation: 7 }, noncurrent_version_expiration: { noncurrent_days: 90 } },
        ],
      },
    },
  };
}

/** Deep copy so a test can mutate its own baseline. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
