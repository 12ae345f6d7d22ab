import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import type { StackBuilder } from "@infra/core";
import { SecureBucket } from "@infra/s3";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import type { StorageInputs } from "../inputs/modules";
import { onProvider } from "./common";
import { buildKms, type KmsOutputs } from "./kms";

export interface StorageOutputs {
  /** By seed name without the prefix: "user-content", "data-archive", "logs". */
  readonly buckets: Readonly<Record<string, SecureBucket>>;
  readonly logBucket: SecureBucket;
}

/**
 * ARC-005 S3: versioned (ARC-013: noncurrent versions kept 30 days), public access blocked,
 * TLS only, lifecycle per the seed. Data buckets use the data CMK; the logs bucket uses SSE-S3
 * because CloudFront standard logging cannot write SSE-KMS objects. ARC-012: replicated buckets
 * get a replica bucket in every global region (created here through that region's provider) and
 * one replication rule per region.
 */
export const buildStorage: StackBuilder<StorageInputs, StorageOutputs> = (stack, inputs, ctx) => {
  const home = ctx.deployment.region.name;
  const keys = ctx.dependencyOn("kms", buildKms).regions;
  const accountId = ctx.env.accountId;
  const lifecycle = (spec: StorageInputs["buckets"][string]) =>
    spec.transitions.length > 0 || spec.expirationDays !== undefined
      ? [{ id: "seed-lifecycle", transitions: spec.transitions, expirationDays: spec.expirationDays }]
      : [];

  const logEntry = Object.entries(inputs.buckets).find(([, b]) => b.logBucket);
  if (!logEntry) throw new Error("aerologue-data/storage: one bucket must be the logs bucket");
  const logBucket = new SecureBucket(stack, logEntry[0], {
    bucketName: `${inputs.prefix}-${logEntry[0]}`,
    encryption: { mode: "s3" },
    accountId,
    logSources: ["cloudfront", "s3-access-logs"],
    lifecycleRules: lifecycle(logEntry[1]),
    noncurrentVersionExpirationDays: inputs.noncurrentVersionExpirationDays,
    deletionProtection: inputs.deletionProtection,
  });
  const buckets: Record<string, SecureBucket> = { [logEntry[0]]: logBucket };

  for (const [name, spec] of Object.entries(inputs.buckets)) {
    if (spec.logBucket) continue;
    const bucket = new SecureBucket(stack, name, {
      bucketName: `${inputs.prefix}-${name}`,
      encryption: { mode: "kms", kmsKeyArn: keys[home]!.data.keyArn },
      lifecycleRules: lifecycle(spec),
      noncurrentVersionExpirationDays: inputs.noncurrentVersionExpirationDays,
      accessLogs: { targetBucketName: logBucket.bucketName },
      deletionProtection: inputs.deletionProtection,
    });
    buckets[name] = bucket;
    if (spec.replicate && inputs.replicaRegions.length > 0) replicate(stack, inputs, name, bucket, keys, home);
  }
  return { buckets, logBucket };
};

function versioningOf(bucket: SecureBucket): TerraformResource {
  return bucket.node.findChild("versioning") as TerraformResource;
}

function replicate(
  stack: Parameters<StackBuilder>[0],
  inputs: StorageInputs,
  name: string,
  source: SecureBucket,
  keys: KmsOutputs["regions"],
  home: string,
): void {
  const destinations = inputs.replicaRegions.map((region) => {
    const scope = new Construct(stack, `${name}-${region}`);
    const replica = new SecureBucket(scope, "replica", {
      bucketName: `${inputs.prefix.replace(home, region)}-${name}`,
      encryption: { mode: "kms", kmsKeyArn: keys[region]!.data.keyArn },
      noncurrentVersionExpirationDays: inputs.noncurrentVersionExpirationDays,
      deletionProtection: inputs.deletionProtection,
    });
    onProvider(scope, stack.providerFor(region));
    return { region, bucketArn: replica.bucketArn, kmsKeyArn: keys[region]!.data.keyArn, versioning: versioningOf(replica) };
  });

  const assume = new DataAwsIamPolicyDocument(stack, `${name}-replication-assume`, {
    statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["s3.amazonaws.com"] }] }],
  });
  const role = new IamRole(stack, `${name}-replication-role`, { name: `${inputs.prefix}-${name}-replication`, assumeRolePolicy: assume.json });
  const permissions = new DataAwsIamPolicyDocument(stack, `${name}-replication-permissions`, {
    statement: [
      { sid: "ReadSourceConfiguration", effect: "Allow", actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"], resources: [source.bucketArn] },
      {
        sid: "ReadSourceVersions",
        effect: "Allow",
        actions: ["s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging"],
        resources: [`${source.bucketArn}/*`],
      },
      {
        sid: "WriteReplicas",
        effect: "Allow",
        actions: ["s3:ReplicateDelete", "s3:ReplicateObject", "s3:ReplicateTags"],
        resources: destinations.map((d) => `${d.bucketArn}/*`),
      },
      { sid: "DecryptSource", effect: "Allow", actions: ["kms:Decrypt"], resources: [source.kmsKeyArn!] },
      { sid: "EncryptReplicas", effect: "Allow", actions: ["kms:Encrypt", "kms:GenerateDataKey"], resources: destinations.map((d) => d.kmsKeyArn) },
    ],
  });
  new IamRolePolicy(stack, `${name}-replication-policy`, { name: "s3-replication", role: role.id, policy: permissions.json });
  new S3BucketReplicationConfigurationA(stack, `${name}-replication`, {
    bucket: source.bucketId,
    role: role.arn,
    rule: destinations.map((d, i) => ({
      id: `to-${d.region}`,
      status: "Enabled",
      priority: i + 1,
      filter: {},
      deleteMarkerReplication: { status: "Enabled" },
      sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
      destination: { bucket: d.bucketArn, storageClass: "STANDARD", encryptionConfiguration: { replicaKmsKeyId: d.kmsKeyArn } },
    })),
    // S3 refuses a replication configuration until both sides are versioned.
    dependsOn: [versioningOf(source), ...destinations.map((d) => d.versioning)],
  });
}
