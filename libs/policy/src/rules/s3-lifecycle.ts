import type { PolicyRule } from "../types";
import { asNumber, blocks, finding, get } from "./helpers";

/**
 * One lifecycle configuration per bucket (two fight each other on every apply), aborting
 * incomplete multipart uploads within 7 days and expiring noncurrent versions, so versioning
 * does not grow the bill forever.
 */
export const s3Lifecycle: PolicyRule = {
  id: "INF-S3-007",
  title: "S3 bucket has one lifecycle configuration: abort uploads <= 7 days, expire noncurrent versions",
  mirrors: ["CKV2_AWS_61", "CKV_AWS_300"],
  catalogue: [30],
  resourceTypes: ["aws_s3_bucket"],
  severity: "medium",
  check(bucket, index) {
    const configs = index.referencing(bucket, "aws_s3_bucket_lifecycle_configuration", "bucket");
    if (configs.length === 0) return [finding("aws_s3_bucket_lifecycle_configuration", undefined, "one lifecycle configuration")];
    if (configs.length > 1)
      return [finding("aws_s3_bucket_lifecycle_configuration", configs.map((c) => c.address).join(", "), "exactly one lifecycle configuration")];
    const config = configs[0]!;
    const rules = blocks(config.values, "rule").filter((r) => r["status"] === "Enabled");
    const out = [];
    const abortDays = rules.map((r) => asNumber(get(r, "abort_incomplete_multipart_upload.days_after_initiation"))).filter((d) => d !== undefined);
    if (!abortDays.some((d) => d! <= 7))
      out.push(
        finding(
          `${config.address}.rule.abort_incomplete_multipart_upload.days_after_initiation`,
          abortDays.length ? Math.min(...(abortDays as number[])) : undefined,
          "<= 7 on an Enabled rule",
        ),
      );
    if (!rules.some((r) => blocks(r, "noncurrent_version_expiration").length > 0))
      out.push(finding(`${config.address}.rule.noncurrent_version_expiration`, undefined, "set on an Enabled rule"));
    return out;
  },
};
