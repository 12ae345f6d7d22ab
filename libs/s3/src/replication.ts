import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { serviceTrustPolicy } from "@infra/iam";

export interface ReplicationProps {
  /** ARN of the versioned destination bucket (another region: seed 001/003 DR in us-west-2). */
  readonly destinationBucketArn: string;
  /** CMK in the destination region that encrypts the replicas. */
  readonly destinationKmsKeyArn: string;
  /** Name of the IAM role S3 assumes to replicate. */
  readonly roleName: string;
  /** Storage class of the replicas. @default "STANDARD" */
  readonly storageClass?: "STANDARD" | "STANDARD_IA" | "ONEZONE_IA" | "INTELLIGENT_TIERING" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE";
  /** Replicate delete markers. @default true (the replica mirrors the source) */
  readonly replicateDeleteMarkers?: boolean;
}

interface BucketReplicationProps extends ReplicationProps {
  readonly sourceBucketId: string;
  readonly sourceBucketArn: string;
  readonly sourceKmsKeyArn: string;
  readonly dependsOn: ITerraformDependable[];
  readonly tags: Record<string, string>;
}

/** The replication role (least privilege: these two buckets, these two keys) and configuration. */
export class BucketReplication extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: BucketReplicationProps) {
    super(scope, id);
    const assume = serviceTrustPolicy(this, "assume", "s3.amazonaws.com");
    const role = new IamRole(this, "role", { name: props.roleName, assumeRolePolicy: assume.json, tags: props.tags });
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: [
        { sid: "ReadSourceConfiguration", effect: "Allow", actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"], resources: [props.sourceBucketArn] },
        {
          sid: "ReadSourceVersions",
          effect: "Allow",
          actions: ["s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging"],
          resources: [`${props.sourceBucketArn}/*`],
        },
        {
          sid: "WriteReplicas",
          effect: "Allow",
          actions: ["s3:ReplicateDelete", "s3:ReplicateObject", "s3:ReplicateTags"],
          resources: [`${props.destinationBucketArn}/*`],
        },
        { sid: "DecryptSource", effect: "Allow", actions: ["kms:Decrypt"], resources: [props.sourceKmsKeyArn] },
        { sid: "EncryptReplicas", effect: "Allow", actions: ["kms:Encrypt", "kms:GenerateDataKey"], resources: [props.destinationKmsKeyArn] },
      ],
    });
    new IamRolePolicy(this, "policy", { name: "s3-replication", role: role.id, policy: permissions.json });
    this.roleArn = role.arn;

    new S3BucketReplicationConfigurationA(this, "configuration", {
      bucket: props.sourceBucketId,
      role: role.arn,
      rule: [
        {
          id: "replicate-all",
          status: "Enabled",
          priority: 1,
          filter: {},
          deleteMarkerReplication: { status: (props.replicateDeleteMarkers ?? true) ? "Enabled" : "Disabled" },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
          destination: {
            bucket: props.destinationBucketArn,
            storageClass: props.storageClass ?? "STANDARD",
            encryptionConfiguration: { replicaKmsKeyId: props.destinationKmsKeyArn },
          },
        },
      ],
      dependsOn: props.dependsOn,
    });
  }
}
