import type { StackBuilder } from "@infra/core";
import { type AlbLogTarget, SecureBucket } from "@infra/s3";
import { logBucket } from "@infra/workload-shared";
import type { AtlasBucketsInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

export interface AtlasBucket {
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly bucketRegionalDomainName: string;
  /** A log bucket's ALB target: its name and the prefix its policy allows. */
  readonly albLogTarget?: AlbLogTarget;
}

export interface AtlasBuckets {
  readonly backups: AtlasBucket;
  readonly staticAssets: AtlasBucket;
  /** Server access logs of the two, and ALB access logs (SSE-S3: log delivery cannot use SSE-KMS). */
  readonly accessLogs: AtlasBucket;
  readonly kmsKeyArn: string;
}

const out = (b: SecureBucket): AtlasBucket => ({
  bucketName: b.bucketName,
  bucketArn: b.bucketArn,
  bucketRegionalDomainName: b.bucketRegionalDomainName,
  ...(b.albLogTarget ? { albLogTarget: b.albLogTarget } : {}),
});

/**
 * Seed "S3: Backups, static assets". In the DR region (phase 4) the same buckets are the replication
 * destinations; the primary's buckets replicate every object to them.
 */
export const buildAtlasBuckets: StackBuilder<AtlasBucketsInputs, AtlasBuckets> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const dr = inputs.replicateTo !== undefined ? ctx.dependencyOn("dr", buildAtlasBuckets) : undefined;
  const region = ctx.deployment.region.name;
  const logs = logBucket(stack, "access-logs", {
    bucketName: `${inputs.prefix}-access-logs`,
    // CloudFront standard logs (phase 3+ prod) need ACLs on the log bucket: BucketOwnerPreferred. The
    // distribution logs to the primary region's bucket only (a DR replica is read, never logged to).
    logSources: inputs.cdnRead && inputs.role === "primary" ? ["s3-access-logs", "alb", "cloudfront"] : ["s3-access-logs", "alb"],
    accountId: inputs.accountId,
    region,
    expiration: { ruleId: "expire-logs", days: inputs.accessLogExpirationDays },
    deletionProtection: inputs.deletionProtection,
    tags: atlasTags("storage"),
  });
  const bucket = (id: "backups" | "static-assets", extra: Partial<ConstructorParameters<typeof SecureBucket>[2]>) =>
    new SecureBucket(stack, id, {
      bucketName: `${inputs.prefix}-${id}`,
      encryption: { mode: "kms", kmsKeyArn: keys.data.keyArn },
      accessLogs: { targetBucketName: logs.bucketName },
      deletionProtection: inputs.deletionProtection,
      tags: atlasTags(id === "backups" ? "backup" : "web-app"),
      ...extra,
    });
  const replication = (target: AtlasBucket | undefined, id: string) =>
    target && dr
      ? { replication: { destinationBucketArn: target.bucketArn, destinationKmsKeyArn: dr.kmsKeyArn, roleName: `${inputs.prefix}-${id}-replication` } }
      : {};
  const backups = bucket("backups", {
    lifecycleRules: [{ id: "to-glacier-ir", transitions: [{ storageClass: "GLACIER_IR", days: inputs.backupsToGlacierDays }] }],
    ...replication(dr?.backups, "backups"),
  });
  const staticAssets = bucket("static-assets", { ...replication(dr?.staticAssets, "static-assets") });
  if (inputs.cdnRead) {
    // The distribution lives in a later stack (atlas-edge/cdn): scope to this account's distributions.
    // In the DR region (phase 4) it reads the replica when the primary bucket fails (its origin group);
    // naming its ARN here would close a cycle (cdn -> buckets -> DR buckets -> cdn). The statement
    // also lets CloudFront decrypt with the data key (SecureBucket.addToPolicy declares the key use).
    staticAssets.addToPolicy({
      sid: "CloudFrontRead",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
      actions: ["s3:GetObject"],
      resources: [`${staticAssets.bucketArn}/*`],
      condition: [{ test: "StringLike", variable: "AWS:SourceArn", values: [`arn:aws:cloudfront::${inputs.accountId}:distribution/*`] }],
    });
  }
  return { backups: out(backups), staticAssets: out(staticAssets), accessLogs: out(logs), kmsKeyArn: keys.data.keyArn };
};
