import { LOG_RETENTION_DAYS, s3BucketName } from "@infra/config";
import { z } from "zod";

/** Seed 004 "Logging Strategy": CloudTrail to S3 + CloudWatch, retention 1 year. */
export const SEED_TRAIL_RETENTION_DAYS = 365;

/** CloudWatch Logs retention values of at least the seed's year (the same value locks the S3 copy). */
const AUDIT_RETENTION_DAYS = LOG_RETENTION_DAYS.filter((d) => d >= SEED_TRAIL_RETENTION_DAYS);

const bucketName = s3BucketName;

/** `auditTrail` of account/foundation. */
export const auditTrailInputs = z
  .object({
    /** Trail name; also its key alias, log group `/aws/cloudtrail/<name>` and delivery role `<name>-cloudwatch-logs`. */
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,100}[A-Za-z0-9]$/, {
      message: 'must be 3-102 letters, digits, "_" or "-", starting and ending with a letter or digit',
    }),
    /** Bucket of the log files (globally unique: the default carries the account id). */
    bucketName,
    /**
     * Days the audit record is kept, in S3 (Object Lock + lifecycle) and CloudWatch Logs: a
     * CloudWatch Logs retention value of at least the seed's 365.
     */
    retentionDays: z.number().refine((d) => (AUDIT_RETENTION_DAYS as readonly number[]).includes(d), {
      message: `must be one of ${AUDIT_RETENTION_DAYS.join(", ")} (CloudWatch Logs retention values of at least seed 004's 1 year)`,
    }),
    /**
     * Object Lock mode of the log files. COMPLIANCE: nobody can delete a log file before it is
     * `retentionDays` old, the account root included; GOVERNANCE: principals with
     * s3:BypassGovernanceRetention can (ADR 0065).
     */
    lockMode: z.enum(["COMPLIANCE", "GOVERNANCE"]),
    /**
     * Buckets whose S3 object (data) events the trail records, besides the Terraform state bucket
     * of root.ts, which is always recorded (seed 004 state management: "Logging: CloudTrail audit").
     */
    dataEventBuckets: z.array(bucketName),
  })
  .strict();
export type AuditTrailInputs = z.infer<typeof auditTrailInputs>;
