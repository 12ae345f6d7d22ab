import { Cloudtrail, type CloudtrailAdvancedEventSelector } from "@cdktf/provider-aws/lib/cloudtrail";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { markLibrary } from "@infra/core";
import { EncryptionKey } from "@infra/kms";
import { LogGroup, validateLogRetention } from "@infra/monitoring";
import { SecureBucket } from "@infra/s3";
import { Construct } from "constructs";
import { serviceTrustPolicy } from "@infra/iam";

export interface AuditTrailProps {
  /** Trail name (also the key alias, the log group `/aws/cloudtrail/<name>` and the delivery role `<name>-cloudwatch-logs`). */
  readonly name: string;
  /** Account of the trail: its ARN, the bucket's `AWSLogs/<account>/` prefix and the key policy conditions. */
  readonly accountId: string;
  /** Home region of the trail (a multi-Region trail still has one), its bucket, key and log group. */
  readonly region: string;
  /** @default "aws" */
  readonly partition?: string;
  /** Globally unique name of the bucket the log files go to (created here). */
  readonly bucketName: string;
  /**
   * Days every copy of the audit record is kept: Object Lock default retention and lifecycle
   * expiration of the log files, and the CloudWatch Logs retention (so a CloudWatch Logs value:
   * 365, 400, 545, 731, ...).
   */
  readonly retentionDays: number;
  /** Object Lock mode of the log files (see `ObjectLock` in @infra/s3). @default "COMPLIANCE" */
  readonly lockMode?: "COMPLIANCE" | "GOVERNANCE";
  /** Buckets whose S3 object-level (data) events the trail records, e.g. the Terraform state bucket. @default none */
  readonly dataEventBuckets?: readonly string[];
  /** Bucket receiving the trail bucket's S3 server access logs (policy INF-S3-005). @default none */
  readonly accessLogBucketName?: string;
  /** Keep the key, bucket and log group on `terraform destroy`. @default true */
  readonly deletionProtection?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An account's audit trail: a multi-Region CloudTrail trail with global service events and log
 * file validation, encrypted with its own CMK, writing to a write-once (Object Lock) bucket and to
 * a CloudWatch log group, both kept `retentionDays`; optionally S3 data events of named buckets.
 * Every grant is scoped to this trail (`aws:SourceArn`), which is why the trail ARN is built from
 * its name rather than read from the resource: the bucket and key policies exist before it.
 */
export class AuditTrail extends Construct {
  readonly trailArn: string;
  readonly trailName: string;
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly keyArn: string;
  readonly logGroupName: string;
  readonly logGroupArn: string;
  private readonly key: EncryptionKey;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    markLibrary(this, "governance");
    const partition = props.partition ?? "aws";
    const dataEventBuckets = [...(props.dataEventBuckets ?? [])];
    const errors: string[] = [];
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/.test(props.name) || /[._-]{2}/.test(props.name) || /[._-]$/.test(props.name)) {
      errors.push(`name "${props.name}" must be 3-128 letters, digits, ".", "_" or "-", start and end with a letter or digit, without two separators in a row`);
    }
    const retentionError = validateLogRetention(props.retentionDays);
    if (retentionError) errors.push(`retentionDays: ${retentionError}`);
    if (dataEventBuckets.includes(props.bucketName))
      errors.push(`dataEventBuckets must not contain the trail's own bucket "${props.bucketName}" (each delivery would be a new data event)`);
    const dup = dataEventBuckets.find((b, i) => dataEventBuckets.indexOf(b) !== i);
    if (dup) errors.push(`dataEventBuckets lists "${dup}" twice`);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    const protect = props.deletionProtection ?? true;
    const tags = { ...(props.tags ?? {}) };
    // Static, so that the key and bucket policies (applied before the trail exists) can name it.
    const trailArn = `arn:${partition}:cloudtrail:${props.region}:${props.accountId}:trail/${props.name}`;
    this.trailArn = trailArn;
    this.trailName = props.name;

    const key = new EncryptionKey(this, "key", {
      name: props.name,
      description: `CloudTrail log files and events of trail ${props.name}`,
      accountId: props.accountId,
      region: props.region,
      partition,
      servicePrincipals: [{ service: "cloudtrail", sourceArns: [trailArn] }],
      deletionProtection: protect,
      tags,
    });
    this.keyArn = key.keyArn;
    this.key = key;

    const bucket = new SecureBucket(this, "bucket", {
      bucketName: props.bucketName,
      encryption: { mode: "kms", kmsKeyArn: key.keyArn },
      objectLock: { mode: props.lockMode ?? "COMPLIANCE", days: props.retentionDays },
      // Current log files expire when their lock does; the version that leaves behind goes a day
      // later (lifecycle never removes a version that is still locked).
      lifecycleRules: [{ id: "audit-retention", expirationDays: props.retentionDays }],
      noncurrentVersionExpirationDays: 1,
      accessLogs: props.accessLogBucketName ? { targetBucketName: props.accessLogBucketName } : undefined,
      deletionProtection: protect,
      tags,
    });
    const source = { test: "StringEquals", variable: "aws:SourceArn", values: [trailArn] };
    bucket.addToPolicy({
      sid: "CloudTrailAclCheck",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:GetBucketAcl"],
      resources: [bucket.bucketArn],
      condition: [source],
    });
    bucket.addToPolicy({
      sid: "CloudTrailWrite",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: [`${bucket.bucketArn}/AWSLogs/${props.accountId}/*`],
      condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }, source],
    });
    this.bucketName = bucket.bucketName;
    this.bucketArn = bucket.bucketArn;

    const logGroup = new LogGroup(this, "log-group", {
      name: `/aws/cloudtrail/${props.name}`,
      retentionDays: props.retentionDays,
      kmsKeyArn: key.keyArn,
      deletionProtection: protect,
      tags,
    });
    this.logGroupName = logGroup.logGroupName;
    this.logGroupArn = logGroup.logGroupArn;

    // CloudTrail's own delivery role into CloudWatch Logs (AWS's CloudTrail_CloudWatchLogs_Role):
    // one log group, the streams a multi-Region trail creates (<account>_CloudTrail_<region>).
    const assume = serviceTrustPolicy(this, "assume", "cloudtrail.amazonaws.com");
    const role = new IamRole(this, "logs-role", {
      name: `${props.name}-cloudwatch-logs`,
      assumeRolePolicy: assume.json,
      tags: { ...tags, Name: `${props.name}-cloudwatch-logs` },
    });
    const deliver = new DataAwsIamPolicyDocument(this, "logs-delivery", {
      statement: [
        {
          sid: "DeliverTrailEvents",
          effect: "Allow",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${logGroup.logGroupArn}:log-stream:${props.accountId}_CloudTrail_*`],
        },
      ],
    });
    const rolePolicy = new IamRolePolicy(this, "logs-role-policy", { name: "deliver-trail-events", role: role.id, policy: deliver.json });

    const selectors: CloudtrailAdvancedEventSelector[] = [{ name: "Management events", fieldSelector: [{ field: "eventCategory", equalTo: ["Management"] }] }];
    if (dataEventBuckets.length > 0) {
      selectors.push({
        name: "S3 object events of audited buckets",
        fieldSelector: [
          { field: "eventCategory", equalTo: ["Data"] },
          { field: "resources.type", equalTo: ["AWS::S3::Object"] },
          { field: "resources.ARN", startsWith: dataEventBuckets.map((b) => `arn:${partition}:s3:::${b}/`) },
        ],
      });
    }
    new Cloudtrail(this, "trail", {
      name: props.name,
      s3BucketName: bucket.bucketName,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: key.keyArn,
      cloudWatchLogsGroupArn: `${logGroup.logGroupArn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      advancedEventSelector: selectors,
      tags: { ...tags, Name: props.name },
      // CreateTrail checks the bucket policy and the role's permissions when it is called.
      dependsOn: [bucket.policy, rolePolicy],
    });
  }

  /**
   * Let these roles (the account's administrators) decrypt the log files, in the key policy itself
   * rather than only through IAM: reading the audit record does not hang on the root delegation.
   */
  allowLogReaders(roleArns: readonly string[]): void {
    this.key.addReaders(roleArns);
  }
}
