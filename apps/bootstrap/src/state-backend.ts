import { Table } from "@infra/dynamodb";
import { EncryptionKey } from "@infra/kms";
import { SecureBucket } from "@infra/s3";
import { Construct } from "constructs";

export interface StateBackendProps {
  readonly accountId: string;
  readonly region: string;
  /** The state bucket's name (root.ts `state.bucket` with placeholders filled). */
  readonly bucketName: string;
  /** The lock table's name (root.ts `state.lockTable`). */
  readonly lockTableName: string;
  /** Noncurrent state versions are kept this long (seed 004 "Lifecycle: 30-day retention"). @default 30 */
  readonly noncurrentVersionDays?: number;
}

/** Marks the state bucket and lock table: the policy pack refuses any waiver on them. */
export const STATE_ROLE_TAG = { InfraRole: "terraform-state" } as const;

/**
 * The Terraform state backend of one account: a KMS key, the versioned, encrypted, private,
 * TLS-only state bucket with access logs, its log bucket, and the DynamoDB lock table. Everything
 * here is protected from destroy: losing it loses every stack's state.
 */
export class StateBackend extends Construct {
  readonly bucketName: string;
  readonly lockTableName: string;
  readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: StateBackendProps) {
    super(scope, id);
    const key = new EncryptionKey(this, "key", {
      name: `${props.bucketName}-key`,
      description: "Terraform state and locks",
      accountId: props.accountId,
      region: props.region,
      deletionProtection: true,
      tags: STATE_ROLE_TAG,
    });
    // S3 server access logs can only be delivered to an SSE-S3 bucket.
    const logs = new SecureBucket(this, "access-logs", {
      bucketName: `${props.bucketName}-access-logs`,
      encryption: { mode: "s3" },
      logSources: ["s3-access-logs"],
      accountId: props.accountId,
      region: props.region,
      lifecycleRules: [{ id: "expire-access-logs", expirationDays: 365 }],
      deletionProtection: true,
      tags: STATE_ROLE_TAG,
    });
    const bucket = new SecureBucket(this, "state", {
      bucketName: props.bucketName,
      encryption: { mode: "kms", kmsKeyArn: key.keyArn },
      accessLogs: { targetBucketName: logs.bucketName },
      noncurrentVersionExpirationDays: props.noncurrentVersionDays ?? 30,
      deletionProtection: true,
      tags: STATE_ROLE_TAG,
    });
    const table = new Table(this, "locks", {
      name: props.lockTableName,
      // Terraform's S3 backend locks with items keyed by "LockID" (a string).
      partitionKey: { name: "LockID", type: "S" },
      pointInTimeRecovery: true,
      kmsKeyArn: key.keyArn,
      deletionProtection: true,
      tags: STATE_ROLE_TAG,
    });
    this.bucketName = bucket.bucketName;
    this.lockTableName = table.tableName;
    this.kmsKeyArn = key.keyArn;
  }
}
