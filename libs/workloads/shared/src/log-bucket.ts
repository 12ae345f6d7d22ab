import { type LogSource, SecureBucket } from "@infra/s3";
import type { Construct } from "constructs";

/** A bucket that AWS services deliver logs to, and that expires them. */
export interface LogBucketProps {
  /** Globally unique: each workload names its buckets its own way. */
  readonly bucketName: string;
  /** The services that write to it (S3 server access logs, ALB, CloudFront). */
  readonly logSources: readonly LogSource[];
  /** The bucket's account (the log delivery conditions name it). */
  readonly accountId: string;
  /** The bucket's region: required for ALB delivery. @default none */
  readonly region?: string;
  /** How long logs are kept, and the id of the lifecycle rule that expires them (an id is part of the bucket's address-stable config). */
  readonly expiration: { readonly ruleId: string; readonly days: number };
  /** Days noncurrent versions are kept. @default SecureBucket's default */
  readonly noncurrentVersionExpirationDays?: number;
  readonly deletionProtection: boolean;
  /** Empty the bucket on destroy (only without deletion protection). @default false */
  readonly forceDestroy?: boolean;
  /** Tags of the bucket, over the provider's default tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The log bucket every workload with an ALB, CloudFront or bucket access logs needs: SSE-S3, because
 * S3, ELB and CloudFront log delivery cannot write SSE-KMS objects, and a lifecycle rule that expires
 * the logs. Construct id and bucket name are the caller's, so existing addresses stay.
 */
export function logBucket(scope: Construct, id: string, props: LogBucketProps): SecureBucket {
  const { expiration, ...rest } = props;
  return new SecureBucket(scope, id, { ...rest, encryption: { mode: "s3" }, lifecycleRules: [{ id: expiration.ruleId, expirationDays: expiration.days }] });
}
