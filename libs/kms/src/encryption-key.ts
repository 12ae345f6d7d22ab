import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsReplicaKey } from "@cdktf/provider-aws/lib/kms-replica-key";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { type KeyServicePrincipal, keyPolicyStatements } from "./key-policy";
import { DECRYPT_ACTIONS, ENCRYPT_DECRYPT_ACTIONS, type PolicyStatement } from "./statements";

export interface EncryptionKeyProps {
  /** Alias name without the `alias/` prefix, e.g. "aerologue-prod-data". Also the key's Name tag. */
  readonly name: string;
  /** @default "Customer-managed key <name>" */
  readonly description?: string;
  /** Account that owns the key: its root principal administers it. */
  readonly accountId: string;
  /** Region of the key (regional service principals such as logs.<region>.amazonaws.com). */
  readonly region: string;
  /** @default "aws" */
  readonly partition?: string;
  /** Days KMS waits before deleting a key scheduled for deletion, 7..30. @default 30 */
  readonly deletionWindowInDays?: number;
  /** Days between automatic rotations, 90..2560 (ignored for a replica: it follows its primary). @default 365 */
  readonly rotationPeriodInDays?: number;
  /**
   * A multi-Region primary key, for DynamoDB global tables, Aurora global databases and S3
   * replication that want the same key material in every region. @default false
   */
  readonly multiRegion?: boolean;
  /**
   * Make this key a replica (aws_kms_replica_key) of a multi-Region primary key in another region.
   * @default a new primary key
   */
  readonly replicaOf?: { readonly primaryKeyArn: string };
  /** IAM principals (role ARNs) that administer the key but cannot use it. @default none (the account root only) */
  readonly administratorArns?: readonly string[];
  /** IAM principals (role ARNs) allowed to encrypt and decrypt in the key policy itself. @default none: grant through IAM (grantEncryptDecrypt) */
  readonly userArns?: readonly string[];
  /** AWS services that use the key through their own service principal. @default none */
  readonly servicePrincipals?: readonly KeyServicePrincipal[];
  /** Keep the key on `terraform destroy` (lifecycle.prevent_destroy). @default true */
  readonly deletionProtection?: boolean;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A customer-managed symmetric KMS key with rotation on, an explicit key policy and an alias.
 * Everything encrypted at rest in this repo names one of these by ARN.
 */
export class EncryptionKey extends Construct {
  readonly keyArn: string;
  readonly keyId: string;
  /** `alias/<name>` */
  readonly aliasName: string;
  readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    markLibrary(this, "kms");
    const deletionWindowInDays = props.deletionWindowInDays ?? 30;
    const rotationPeriodInDays = props.rotationPeriodInDays ?? 365;
    const fail = (message: string): never => {
      throw new Error(`${this.node.path}: ${message}`);
    };
    if (!/^[a-zA-Z0-9/_-]+$/.test(props.name) || props.name.startsWith("aws/")) {
      fail(`name "${props.name}" must use letters, digits, "/", "_" or "-" and must not start with "aws/"`);
    }
    if (!Number.isInteger(deletionWindowInDays) || deletionWindowInDays < 7 || deletionWindowInDays > 30) {
      fail(`deletionWindowInDays ${deletionWindowInDays} must be an integer from 7 to 30`);
    }
    if (!Number.isInteger(rotationPeriodInDays) || rotationPeriodInDays < 90 || rotationPeriodInDays > 2560) {
      fail(`rotationPeriodInDays ${rotationPeriodInDays} must be an integer from 90 to 2560`);
    }
    if (props.replicaOf && props.multiRegion === false) fail("a replica key is always multi-Region: drop multiRegion: false");

    const tags = { ...(props.tags ?? {}), Name: props.name };
    const lifecycle = { preventDestroy: props.deletionProtection ?? true };
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: keyPolicyStatements({
        accountId: props.accountId,
        region: props.region,
        partition: props.partition ?? "aws",
        administratorArns: props.administratorArns ?? [],
        userArns: props.userArns ?? [],
        servicePrincipals: props.servicePrincipals ?? [],
      }),
    });
    const description = props.description ?? `Customer-managed key ${props.name}`;

    const key = props.replicaOf
      ? new KmsReplicaKey(this, "key", {
          primaryKeyArn: props.replicaOf.primaryKeyArn,
          description,
          deletionWindowInDays,
          policy: policy.json,
          tags,
          lifecycle,
        })
      : new KmsKey(this, "key", {
          description,
          keyUsage: "ENCRYPT_DECRYPT",
          customerMasterKeySpec: "SYMMETRIC_DEFAULT",
          enableKeyRotation: true,
          rotationPeriodInDays,
          deletionWindowInDays,
          multiRegion: props.multiRegion ?? false,
          policy: policy.json,
          tags,
          lifecycle,
        });
    this.keyArn = key.arn;
    this.keyId = key.keyId;

    const alias = new KmsAlias(this, "alias", { name: `alias/${props.name}`, targetKeyId: key.keyId });
    this.aliasName = `alias/${props.name}`;
    this.aliasArn = alias.arn;
  }

  /** IAM statement letting a principal encrypt and decrypt with this key (and only this key). */
  grantEncryptDecrypt(): PolicyStatement[] {
    return [{ effect: "Allow", actions: [...ENCRYPT_DECRYPT_ACTIONS], resources: [this.keyArn] }];
  }

  /** IAM statement letting a principal decrypt with this key. */
  grantDecrypt(): PolicyStatement[] {
    return [{ effect: "Allow", actions: [...DECRYPT_ACTIONS], resources: [this.keyArn] }];
  }
}
