import type { StackBuilder } from "@infra/core";
import { SecureBucket } from "@infra/s3";
import { logBucket } from "@infra/workload-shared";
import { archiveRules, type BucketLifecycle, type TimelineStorageInputs } from "../inputs/storage";
import { buildTimelineKms } from "./kms";

export interface TimelineStorage {
  /** Private backup bucket (database exports, logical dumps, cache snapshots exports). */
  readonly backups: SecureBucket;
  /** Server access logs of the buckets and the API load balancer's logs (`albLogTarget`); SSE-S3: log delivery cannot write SSE-KMS. */
  readonly logs: SecureBucket;
  /** DR region: the replica of the primary region's assets bucket. */
  readonly assetsReplica?: SecureBucket;
  /** Days access logs are kept (the edge log bucket uses the same). */
  readonly logExpirationDays: number;
}

/** Globally unique bucket name with env, region and account. */
export function bucketName(prefix: string, purpose: string, accountId: string): string {
  return `${prefix}-${purpose}-${accountId}`;
}

export function lifecycleProps(l: BucketLifecycle) {
  return { lifecycleRules: archiveRules(l), noncurrentVersionExpirationDays: l.noncurrentExpirationDays };
}

export const buildTimelineStorage: StackBuilder<TimelineStorageInputs, TimelineStorage> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const accountId = ctx.env.accountId;
  const logs = logBucket(stack, "logs", {
    bucketName: bucketName(inputs.name, "access-logs", accountId),
    accountId,
    region: ctx.deployment.region.name,
    // Also the API load balancer's access logs (SSE-S3 is all ELB delivers to); the prefix comes from here.
    logSources: ["s3-access-logs", "alb"],
    expiration: { ruleId: "expire-logs", days: inputs.logExpirationDays },
    noncurrentVersionExpirationDays: 7,
    deletionProtection: inputs.deletionProtection,
  });

  const replica = inputs.replicateToDr ? ctx.dependencyOn("replica", buildTimelineStorage) : undefined;
  const replicaKeys = inputs.replicateToDr ? ctx.dependencyOn("replica-kms", buildTimelineKms) : undefined;
  const backups = new SecureBucket(stack, "backups", {
    bucketName: bucketName(inputs.name, "backups", accountId),
    encryption: { mode: "kms", kmsKeyArn: keys.data.keyArn },
    accessLogs: { targetBucketName: logs.bucketName },
    ...lifecycleProps(inputs.backups),
    deletionProtection: inputs.deletionProtection,
    ...(replica && replicaKeys
      ? {
          replication: {
            destinationBucketArn: replica.backups.bucketArn,
            destinationKmsKeyArn: replicaKeys.data.keyArn,
            roleName: `${inputs.name}-backups-replication`,
            // Backups are read rarely: the DR copy goes straight to a cheaper class.
            storageClass: "STANDARD_IA" as const,
          },
        }
      : {}),
  });

  const assetsReplica =
    inputs.mode === "replica"
      ? new SecureBucket(stack, "assets-replica", {
          bucketName: bucketName(inputs.name, "assets", accountId),
          encryption: { mode: "kms", kmsKeyArn: keys.assets.keyArn },
          accessLogs: { targetBucketName: logs.bucketName },
          ...lifecycleProps(inputs.assets),
          deletionProtection: inputs.deletionProtection,
        })
      : undefined;
  return { backups, logs, assetsReplica, logExpirationDays: inputs.logExpirationDays };
};
