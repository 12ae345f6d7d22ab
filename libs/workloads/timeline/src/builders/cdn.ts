import { Distribution } from "@infra/cloudfront";
import type { StackBuilder } from "@infra/core";
import { SecureBucket } from "@infra/s3";
import { WebAcl } from "@infra/waf";
import { logBucket } from "@infra/workload-shared";
import type { TimelineCdnInputs } from "../inputs/cdn";
import { buildTimelineKms } from "./kms";
import { bucketName, buildTimelineStorage, lifecycleProps } from "./storage";

export interface TimelineCdn {
  readonly assets: SecureBucket;
  /** CloudFront standard logs and the assets bucket's access logs. */
  readonly edgeLogs: SecureBucket;
  readonly distribution: Distribution;
  readonly webAcl: WebAcl;
}

/**
 * Seed 002 "Static Assets: S3 + CloudFront, public bucket for website assets". The assets are
 * public through CloudFront only: the bucket itself stays private (public access block, OAC read
 * scoped to this distribution), which is what a "public bucket" should mean in 2025.
 */
export const buildTimelineCdn: StackBuilder<TimelineCdnInputs, TimelineCdn> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const storage = ctx.dependencyOn("storage", buildTimelineStorage);
  const accountId = ctx.env.accountId;
  // In the same stack as the distribution and the assets bucket, so the policy pack sees it is their log
  // bucket (CloudFront standard logging writes with ACLs: BucketOwnerPreferred).
  const edgeLogs = logBucket(stack, "edge-logs", {
    bucketName: bucketName(inputs.name, "edge-logs", accountId),
    accountId,
    logSources: ["s3-access-logs", "cloudfront"],
    expiration: { ruleId: "expire-logs", days: storage.logExpirationDays },
    noncurrentVersionExpirationDays: 7,
    deletionProtection: inputs.deletionProtection,
  });
  const replica = inputs.replicateToDr ? ctx.dependencyOn("replica", buildTimelineStorage) : undefined;
  const replicaKeys = inputs.replicateToDr ? ctx.dependencyOn("replica-kms", buildTimelineKms) : undefined;

  const assets = new SecureBucket(stack, "assets", {
    bucketName: bucketName(inputs.name, "assets", accountId),
    encryption: { mode: "kms", kmsKeyArn: keys.assets.keyArn },
    accessLogs: { targetBucketName: edgeLogs.bucketName },
    ...lifecycleProps(inputs.lifecycle),
    deletionProtection: inputs.deletionProtection,
    ...(replica?.assetsReplica && replicaKeys
      ? {
          replication: {
            destinationBucketArn: replica.assetsReplica.bucketArn,
            destinationKmsKeyArn: replicaKeys.assets.keyArn,
            roleName: `${inputs.name}-assets-replication`,
          },
        }
      : {}),
  });

  const webAcl = new WebAcl(stack, "waf", {
    name: `${inputs.name}-cdn`,
    scope: "CLOUDFRONT",
    description: "Timeline website assets",
    managedRuleGroups: [
      { name: "AWSManagedRulesAmazonIpReputationList" },
      { name: "AWSManagedRulesCommonRuleSet" },
      { name: "AWSManagedRulesKnownBadInputsRuleSet" },
    ],
    rateLimit: { limit: inputs.rateLimitPer5Min, evaluationWindowSec: 300 },
    logging: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });

  const distribution = new Distribution(stack, "cdn", {
    name: `${inputs.name}-cdn`,
    origins: { assets: { type: "s3", bucketRegionalDomainName: assets.bucketRegionalDomainName } },
    // Versioned asset file names make long TTLs safe; CachingOptimized honours the origin's Cache-Control.
    defaultBehavior: { origin: "assets", allowedMethods: "GET_HEAD", cache: { type: "managed-optimized" } },
    certificate:
      inputs.certificate.type === "acm"
        ? { type: "acm", certificateArn: inputs.certificate.certificateArn, aliases: inputs.certificate.aliases }
        : { type: "cloudfront-default" },
    webAclArn: webAcl.webAclArn,
    priceClass: inputs.priceClass,
    defaultRootObject: inputs.defaultRootObject,
    // CloudFront wants the global "<bucket>.s3.amazonaws.com" name; built from the bucket reference.
    logging: { bucketDomainName: `${edgeLogs.bucketName}.s3.amazonaws.com`, prefix: "cloudfront/" },
  });
  assets.allowCloudFrontRead(distribution.distributionArn);
  return { assets, edgeLogs, distribution, webAcl };
};
