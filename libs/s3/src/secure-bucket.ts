import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketCorsConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { s3BucketNameError } from "@infra/config";
import { markLibrary } from "@infra/core";
import { type GrantOptions, type Grantee, grantStatements, numbered, sidOf, unnamedDocumentStatements } from "@infra/iam";
import { declareServicePrincipalKeyUse } from "@infra/kms";
import { Token } from "cdktf";
import { Construct } from "constructs";
import {
  albLogDelivery,
  billingExportDelivery,
  cloudFrontRead,
  denyInsecureTransport,
  type BucketPolicyStatement as PolicyStatement,
  s3AccessLogDelivery,
} from "./bucket-policy";
import { type LifecycleRule, lifecycleRules, validateLifecycle } from "./lifecycle";
import { BucketReplication, type ReplicationProps } from "./replication";

/**
 * Default encryption. `kms` (a CMK, with the bucket key to cut KMS request costs) for every bucket
 * holding data. `s3` (SSE-S3, AES256) only for log buckets: ALB access logs, S3 server access
 * logs and CloudFront standard logs cannot be delivered to SSE-KMS buckets.
 */
export type BucketEncryption = { readonly mode: "kms"; readonly kmsKeyArn: string } | { readonly mode: "s3" };

/**
 * Log producers this bucket receives from; each adds what the producer needs.
 * - `s3-access-logs`: bucket policy for logging.s3.amazonaws.com from this account
 * - `alb`: bucket policy for the region's Elastic Load Balancing log delivery
 * - `cloudfront`: ownership BucketOwnerPreferred, as CloudFront standard logging writes with ACLs
 * - `billing-exports`: bucket policy for AWS Data Exports (CUR 2.0) of this account; its delivery
 *   to SSE-KMS buckets is not documented, so such a bucket stays SSE-S3 like the log buckets
 */
export type LogSource = "s3-access-logs" | "alb" | "cloudfront" | "billing-exports";

export interface CorsRule {
  readonly allowedMethods: readonly ("GET" | "PUT" | "POST" | "DELETE" | "HEAD")[];
  readonly allowedOrigins: readonly string[];
  /** @default none */
  readonly allowedHeaders?: readonly string[];
  /** @default none */
  readonly exposeHeaders?: readonly string[];
  /** @default 3000 */
  readonly maxAgeSeconds?: number;
}

/**
 * S3 Object Lock: every new object version is write-once for `days` after it is written.
 * `COMPLIANCE`: nobody, the account root included, can delete or shorten it; `GOVERNANCE`: principals
 * with `s3:BypassGovernanceRetention` can. Object Lock can only be switched on when the bucket is
 * created (`object_lock_enabled` forces a new bucket), and a bucket with locked versions cannot be
 * deleted until they expire.
 */
export interface ObjectLock {
  readonly mode: "COMPLIANCE" | "GOVERNANCE";
  /** Default retention of each object version, in days (>= 1). */
  readonly days: number;
}

/** Where a load balancer writes its access logs: the bucket and the prefix its policy allows. */
export interface AlbLogTarget {
  readonly bucket: string;
  readonly prefix: string;
}

export interface SecureBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Default encryption. */
  readonly encryption: BucketEncryption;
  /** Account of the bucket (log delivery conditions). Required when `logSources` is set. */
  readonly accountId?: string;
  /** Region of the bucket (ALB log delivery principal). Required when `logSources` includes "alb". */
  readonly region?: string;
  /** Log producers writing into this bucket: makes it a log bucket. @default [] (a data bucket) */
  readonly logSources?: readonly LogSource[];
  /**
   * Key prefix ALB logs are written under (no leading or trailing "/"). The bucket policy allows
   * exactly `<prefix>/AWSLogs/<account>/*`, and `albLogTarget` hands the same prefix to the load
   * balancer: one source of truth, so ELB's test write at creation lands where the policy allows. @default "alb"
   */
  readonly albLogPrefix?: string;
  /** Lifecycle rules (transitions, expiration). @default [] */
  readonly lifecycleRules?: readonly LifecycleRule[];
  /** Days a version stays after it becomes noncurrent (seed 000 ARC-013: 30). @default 30 */
  readonly noncurrentVersionExpirationDays?: number;
  /** Days before incomplete multipart uploads are aborted, 1..7. @default 7 */
  readonly abortIncompleteMultipartUploadDays?: number;
  /** Server access logs to a log bucket. @default none (a relaxation: policy INF-S3-005 wants it outside dev) */
  readonly accessLogs?: { readonly targetBucketName: string; /** @default "<bucketName>/" */ readonly prefix?: string };
  /** CORS rules (browser uploads/downloads). @default none */
  readonly corsRules?: readonly CorsRule[];
  /** Cross-region replication of every object to a bucket in another region. @default none */
  readonly replication?: ReplicationProps;
  /** Object Lock default retention (write-once objects, e.g. an audit trail). @default none */
  readonly objectLock?: ObjectLock;
  /** Keep the bucket on `terraform destroy` (lifecycle.prevent_destroy). @default true */
  readonly deletionProtection?: boolean;
  /** Let `terraform destroy` delete a non-empty bucket. Only with deletionProtection false. @default false */
  readonly forceDestroy?: boolean;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A private S3 bucket per the policy catalogue: versioned, SSE-KMS with a CMK and bucket key,
 * public access fully blocked, ACLs disabled, TLS-only bucket policy, a lifecycle configuration
 * that aborts stale uploads and expires noncurrent versions, optional access logging, CORS and
 * cross-region replication.
 */
export class SecureBucket extends Construct {
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly bucketId: string;
  readonly bucketRegionalDomainName: string;
  readonly kmsKeyArn?: string;
  /** Role S3 replication assumes, when replication is on. */
  readonly replicationRoleArn?: string;
  /** For `logSources` with "alb": the bucket and prefix to give the load balancer's `accessLogs`. */
  readonly albLogTarget?: AlbLogTarget;
  /** The bucket policy resource, for `dependsOn` of a service that checks the policy on create (CloudTrail). */
  readonly policy: S3BucketPolicy;

  private readonly statements: PolicyStatement[] = [];
  private readonly policyDocument: DataAwsIamPolicyDocument;
  private readonly sids = new Set<string>();

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    markLibrary(this, "s3");
    const fail = (message: string): never => {
      throw new Error(`${this.node.path}: ${message}`);
    };
    const logSources = props.logSources ?? [];
    const deletionProtection = props.deletionProtection ?? true;
    const settings = {
      rules: props.lifecycleRules ?? [],
      noncurrentVersionExpirationDays: props.noncurrentVersionExpirationDays ?? 30,
      abortIncompleteMultipartUploadDays: props.abortIncompleteMultipartUploadDays ?? 7,
    };
    const errors = validateLifecycle(settings);
    const nameError = s3BucketNameError(props.bucketName);
    if (nameError) errors.push(`bucketName "${props.bucketName}" ${nameError}`);
    if (props.encryption.mode === "s3" && logSources.length === 0) {
      errors.push('encryption mode "s3" is only for log buckets (set logSources); data buckets use mode "kms" with a CMK');
    }
    if (logSources.length > 0 && !props.accountId) errors.push("accountId is required when logSources is set");
    if (logSources.includes("alb") && !props.region) errors.push('region is required when logSources includes "alb"');
    if (logSources.includes("billing-exports") && props.encryption.mode !== "s3") {
      errors.push('AWS Data Exports documents delivery to SSE-S3 buckets only: use encryption { mode: "s3" } with logSources "billing-exports"');
    }
    if (logSources.includes("alb") && props.encryption.mode !== "s3") {
      errors.push('ALB access logs are delivered only to SSE-S3 buckets: use encryption { mode: "s3" } with logSources "alb"');
    }
    const albLogPrefix = props.albLogPrefix ?? "alb";
    if (logSources.includes("alb") && (!/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(albLogPrefix) || /AWSLogs/.test(albLogPrefix))) {
      errors.push(`albLogPrefix "${albLogPrefix}" must be S3 key segments without leading or trailing "/" and without "AWSLogs" (ELB adds AWSLogs/<account>/)`);
    }
    if (props.forceDestroy && deletionProtection) errors.push("forceDestroy needs deletionProtection: false");
    if (props.replication && props.encryption.mode !== "kms") errors.push('replication needs encryption mode "kms"');
    if (props.objectLock && (!Number.isInteger(props.objectLock.days) || props.objectLock.days < 1))
      errors.push(`objectLock.days ${props.objectLock.days} must be a whole number of days >= 1`);
    if (props.objectLock && props.forceDestroy)
      errors.push("forceDestroy cannot empty a bucket with Object Lock (locked versions cannot be deleted): drop one");
    if (errors.length > 0) fail(errors.join("; "));

    const tags = { ...(props.tags ?? {}), Name: props.bucketName };
    const bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
      // Only at creation: the argument forces a new bucket, so it is part of the bucket from the start.
      ...(props.objectLock ? { objectLockEnabled: true } : {}),
      tags,
      lifecycle: { preventDestroy: deletionProtection },
    });
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.bucketId = bucket.id;
    this.bucketRegionalDomainName = bucket.bucketRegionalDomainName;

    const publicAccessBlock = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucket.id,
      rule: { objectOwnership: logSources.includes("cloudfront") ? "BucketOwnerPreferred" : "BucketOwnerEnforced" },
    });
    const versioning = new S3BucketVersioningA(this, "versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    if (props.objectLock) {
      new S3BucketObjectLockConfigurationA(this, "object-lock", {
        bucket: bucket.id,
        rule: { defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.days } },
        dependsOn: [versioning],
      });
    }

    const encryption = props.encryption;
    if (encryption.mode === "kms") this.kmsKeyArn = encryption.kmsKeyArn;
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [
        encryption.mode === "kms"
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: encryption.kmsKeyArn }, bucketKeyEnabled: true }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });

    // Lifecycle rules need versioning in place first (noncurrent version rules).
    new S3BucketLifecycleConfiguration(this, "lifecycle", { bucket: bucket.id, rule: lifecycleRules(settings), dependsOn: [versioning] });

    if (props.accessLogs) {
      new S3BucketLoggingA(this, "logging", {
        bucket: bucket.id,
        targetBucket: props.accessLogs.targetBucketName,
        targetPrefix: props.accessLogs.prefix ?? `${props.bucketName}/`,
      });
    }

    if (props.corsRules && props.corsRules.length > 0) {
      new S3BucketCorsConfiguration(this, "cors", {
        bucket: bucket.id,
        corsRule: props.corsRules.map((r) => ({
          allowedMethods: [...r.allowedMethods],
          allowedOrigins: [...r.allowedOrigins],
          allowedHeaders: r.allowedHeaders ? [...r.allowedHeaders] : undefined,
          exposeHeaders: r.exposeHeaders ? [...r.exposeHeaders] : undefined,
          maxAgeSeconds: r.maxAgeSeconds ?? 3000,
        })),
      });
    }

    this.addToPolicy(denyInsecureTransport(bucket.arn));
    if (logSources.includes("s3-access-logs")) this.addToPolicy(s3AccessLogDelivery(bucket.arn, props.accountId!));
    if (logSources.includes("billing-exports")) this.addToPolicy(billingExportDelivery(bucket.arn, props.accountId!));
    if (logSources.includes("alb")) {
      this.addToPolicy(albLogDelivery(bucket.arn, props.accountId!, props.region!, albLogPrefix));
      this.albLogTarget = { bucket: bucket.bucket, prefix: albLogPrefix };
    }

    // The statements are read when the document is synthesized, so statements added later
    // (allowCloudFrontRead) land in the same single bucket policy.
    this.policyDocument = new DataAwsIamPolicyDocument(this, "policy-document", { statement: this.statements });
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket: bucket.id,
      policy: this.policyDocument.json,
      // A policy put while the public access block is being created can fail; order them.
      dependsOn: [publicAccessBlock],
    });

    if (props.replication && encryption.mode === "kms") {
      const replication = new BucketReplication(this, "replication", {
        ...props.replication,
        sourceBucketId: bucket.id,
        sourceBucketArn: bucket.arn,
        sourceKmsKeyArn: encryption.kmsKeyArn,
        dependsOn: [versioning],
        tags,
      });
      this.replicationRoleArn = replication.roleArn;
    }
  }

  /**
   * Add a statement to the bucket policy. Its `sid` must be unique in the policy. A statement that
   * lets an AWS service read or write objects of an SSE-KMS bucket also lets that service use the
   * bucket's key (its key policy is derived from here: one source of truth).
   */
  addToPolicy(statement: PolicyStatement): void {
    if (statement.sid) {
      if (this.sids.has(statement.sid)) throw new Error(`${this.node.path}: bucket policy already has a statement "${statement.sid}"`);
      this.sids.add(statement.sid);
    }
    if (this.kmsKeyArn && (statement.effect ?? "Allow") === "Allow" && (statement.actions ?? []).some((a) => /^s3:(\*|GetObject|PutObject)/.test(a))) {
      const services = (Array.isArray(statement.principals) ? statement.principals : []).filter((p) => p.type === "Service").flatMap((p) => p.identifiers);
      for (const service of services) declareServicePrincipalKeyUse(this, this.kmsKeyArn, service, staticSourceArns(statement));
    }
    this.statements.push(statement);
    // putStatement re-reads the list: the document always holds every statement added so far.
    this.policyDocument?.putStatement([...this.statements]);
  }

  /**
   * Let one CloudFront distribution read objects through origin access control (SourceArn-scoped).
   * With a CMK, the key policy must also let cloudfront.amazonaws.com decrypt for that distribution.
   */
  allowCloudFrontRead(distributionArn: string, keyPrefix = ""): void {
    const n = this.statements.filter((s) => s.sid?.startsWith("CloudFrontRead")).length;
    this.addToPolicy(cloudFrontRead(this.bucketArn, distributionArn, `CloudFrontRead${n === 0 ? "" : n + 1}`, keyPrefix));
  }

  /**
   * Let a grantee list the bucket and read objects under `keyPrefix` (and decrypt them with the
   * bucket's CMK). Statements "<sid>" (list), "<sid>2" (objects), "<sid>3" (key, with a CMK);
   * default sid "Read<bucket id>".
   */
  grantRead(grantee: Grantee, options?: BucketGrantOptions): void;
  /** @deprecated Pass a grantee: `grantRead(grantee, { keyPrefix })` (ADR 0115). */
  grantRead(keyPrefix?: string): DataAwsIamPolicyDocumentStatement[];
  grantRead(grantee?: Grantee | string, options: BucketGrantOptions = {}): void | DataAwsIamPolicyDocumentStatement[] {
    return this.grantObjects("Read", grantee, options, ["s3:GetObject", "s3:GetObjectVersion"], ["kms:Decrypt"]);
  }

  /**
   * Let a grantee read and write objects under `keyPrefix` (and use the bucket's CMK for both).
   * Statements "<sid>" (list), "<sid>2" (objects), "<sid>3" (key, with a CMK); default sid "ReadWrite<bucket id>".
   */
  grantReadWrite(grantee: Grantee, options?: BucketGrantOptions): void;
  /** @deprecated Pass a grantee: `grantReadWrite(grantee, { keyPrefix })` (ADR 0115). */
  grantReadWrite(keyPrefix?: string): DataAwsIamPolicyDocumentStatement[];
  grantReadWrite(grantee?: Grantee | string, options: BucketGrantOptions = {}): void | DataAwsIamPolicyDocumentStatement[] {
    const objectActions = ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"];
    return this.grantObjects("ReadWrite", grantee, options, objectActions, ["kms:Decrypt", "kms:GenerateDataKey"]);
  }

  /** List the bucket, `objectActions` on the objects under the prefix, `keyActions` on the CMK (if any). */
  private grantObjects(
    access: "Read" | "ReadWrite",
    grantee: Grantee | string | undefined,
    options: BucketGrantOptions,
    objectActions: string[],
    keyActions: string[],
  ): void | DataAwsIamPolicyDocumentStatement[] {
    if (typeof grantee !== "object")
      return unnamedDocumentStatements((g) => this.grantObjects(access, g, { keyPrefix: grantee ?? "" }, objectActions, keyActions));
    grantStatements(
      grantee,
      options.sid,
      `${access}${sidOf(this.node.id)}`,
      numbered([
        { effect: "Allow", actions: ["s3:ListBucket"], resources: [this.bucketArn] },
        { effect: "Allow", actions: objectActions, resources: [`${this.bucketArn}/${options.keyPrefix ?? ""}*`] },
        ...(this.kmsKeyArn ? [{ effect: "Allow" as const, actions: keyActions, resources: [this.kmsKeyArn] }] : []),
      ]),
    );
  }
}

/** Options of the bucket's grants. */
export interface BucketGrantOptions extends GrantOptions {
  /** Only objects under this prefix, e.g. "users/". @default "" (the whole bucket) */
  readonly keyPrefix?: string;
}

/**
 * The `aws:SourceArn` values a statement is conditioned on, when all of them are static strings
 * (e.g. a trail ARN built from its name): the key use it implies is scoped the same way. A reference
 * (another stack's resource) cannot go into a key policy (libs/kms), so then the use is unscoped.
 */
function staticSourceArns(statement: PolicyStatement): readonly string[] | undefined {
  const conditions = Array.isArray(statement.condition) ? statement.condition : [];
  const values = conditions.filter((c) => c.variable.toLowerCase() === "aws:sourcearn").flatMap((c) => c.values);
  return values.length > 0 && values.every((v) => !Token.isUnresolved(v)) ? values : undefined;
}
