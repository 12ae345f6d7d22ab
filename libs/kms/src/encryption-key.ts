import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsReplicaKey } from "@cdktf/provider-aws/lib/kms-replica-key";
import { type ServiceLinkedRoleService, markLibrary, requireServiceLinkedRole } from "@infra/core";
import { type GrantOptions, type Grantee, grantStatements, sidOf } from "@infra/iam";
import { Token } from "cdktf";
import { Construct, type IConstruct } from "constructs";
import { type KeyServiceName, type KeyServicePrincipal, defaultServiceActions, keyPolicyStatements } from "./key-policy";
import { type KeyUse, type KeyUseSink, registerKey } from "./key-usage";
import { DECRYPT_ACTIONS, ENCRYPT_DECRYPT_ACTIONS } from "./statements";

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
  /**
   * IAM principals (role ARNs) allowed to read what the key protects (kms:Decrypt, kms:DescribeKey)
   * in the key policy itself, e.g. the account's administrators reading CloudTrail log files.
   * @default none: grant through IAM (grantDecrypt)
   */
  readonly readerArns?: readonly string[];
  /**
   * AWS services that use the key through their own service principal, declared here rather than by
   * the construct that makes them use it. Prefer the users' declarations (`declareKeyUse`, `allow*`):
   * the key policy is the union of both. @default none
   */
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
export class EncryptionKey extends Construct implements KeyUseSink {
  readonly keyArn: string;
  readonly keyId: string;
  /** `alias/<name>` */
  readonly aliasName: string;
  readonly aliasArn: string;

  private readonly policyInput: { accountId: string; region: string; partition: string; administratorArns: string[]; userArns: string[]; readerArns: string[] };
  private readonly services = new Map<KeyServiceName, { sourceArns?: Set<string>; actions?: readonly string[]; extraActions: Set<string> }>();
  private readonly serviceLinkedRoles = new Set<ServiceLinkedRoleService>();
  private readonly usedBy = new Map<string, Set<string>>();
  private readonly policy: DataAwsIamPolicyDocument;

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
    this.policyInput = {
      accountId: props.accountId,
      region: props.region,
      partition: props.partition ?? "aws",
      administratorArns: [...(props.administratorArns ?? [])],
      userArns: [...(props.userArns ?? [])],
      readerArns: [...(props.readerArns ?? [])],
    };
    for (const sp of props.servicePrincipals ?? []) this.addService(sp, undefined, "props.servicePrincipals");
    const policy = new DataAwsIamPolicyDocument(this, "policy", { statement: this.statements() });
    this.policy = policy;
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
    // Users that only hold one of these strings can still declare their use (declareKeyUse).
    registerKey(this, [this.keyArn, this.keyId, this.aliasArn]);
  }

  /**
   * Let an AWS service use the key on its own behalf (typed grant); `by` is the construct that makes
   * it do so (listed by `uses()`). Called by the constructs that use the key, in any stack of the
   * app: the key's policy is derived from its users. Service-linked roles must exist before the
   * policy is put, so they become an account requirement (the account foundation creates them).
   */
  allow(use: KeyUse, by?: IConstruct): void {
    const who = by?.node.path ?? this.node.path;
    if (use.kind === "service-linked-role") {
      this.serviceLinkedRoles.add(use.service);
      requireServiceLinkedRole(this, use.service);
      this.note(`slr:${use.service}`, who);
    } else {
      this.addService({ service: use.service, ...(use.sourceArns ? { sourceArns: use.sourceArns } : {}) }, use.extraActions, who);
    }
    this.policy.putStatement(this.statements());
  }

  /** CloudWatch Logs encrypting log groups of this account and region with the key. */
  allowCloudWatchLogs(by?: IConstruct): void {
    this.allow({ kind: "service", service: "logs" }, by);
  }

  /** An AWS service principal (e.g. "cloudwatch" publishing alarms to an encrypted topic). */
  allowService(service: KeyServiceName, by?: IConstruct, extraActions?: readonly string[]): void {
    this.allow({ kind: "service", service, ...(extraActions ? { extraActions } : {}) }, by);
  }

  /** Auto Scaling (or another service-linked role) creating encrypted resources with the key. */
  allowServiceLinkedRole(service: ServiceLinkedRoleService, by?: IConstruct): void {
    this.allow({ kind: "service-linked-role", service }, by);
  }

  /**
   * Let IAM principals (role ARNs, possibly references to roles of the same stack) read what the key
   * protects: kms:Decrypt and kms:DescribeKey in the key policy itself (`KeyReaders`).
   */
  addReaders(arns: readonly string[]): void {
    this.policyInput.readerArns.push(...arns.filter((a) => !this.policyInput.readerArns.includes(a)));
    this.policy.putStatement(this.statements());
  }

  /** Every declared use and who declared it, sorted: `logs` ← the log groups' paths, `slr:autoscaling.amazonaws.com` ← ... */
  uses(): readonly { readonly use: string; readonly by: readonly string[] }[] {
    return [...this.usedBy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([use, by]) => ({ use, by: [...by].sort() }));
  }

  private note(use: string, who: string): void {
    const set = this.usedBy.get(use) ?? new Set<string>();
    set.add(who);
    this.usedBy.set(use, set);
  }

  private addService(sp: KeyServicePrincipal, extraActions: readonly string[] | undefined, who: string): void {
    for (const arn of sp.sourceArns ?? []) {
      if (Token.isUnresolved(arn)) {
        // A reference to a resource of another stack would make the key's stack depend on its user's.
        throw new Error(`${this.node.path}: sourceArns of ${sp.service} must be static patterns (e.g. with * for ids), not references: ${arn}`);
      }
    }
    const existing = this.services.get(sp.service);
    // No sourceArns means every resource of the service in this account: the union of a restricted and an
    // unrestricted use is unrestricted.
    const sourceArns =
      existing === undefined
        ? sp.sourceArns
          ? new Set(sp.sourceArns)
          : undefined
        : existing.sourceArns && sp.sourceArns
          ? new Set([...existing.sourceArns, ...sp.sourceArns])
          : undefined;
    const extra = new Set([...(existing?.extraActions ?? []), ...(extraActions ?? [])]);
    this.services.set(sp.service, { sourceArns, actions: sp.actions ?? existing?.actions, extraActions: extra });
    this.note(sp.service, who);
  }

  private statements() {
    const servicePrincipals: KeyServicePrincipal[] = [...this.services.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, s]) => {
        const base = s.actions ?? defaultServiceActions(service);
        const actions = s.extraActions.size > 0 || s.actions ? [...new Set([...base, ...s.extraActions])].sort() : undefined;
        return { service, ...(s.sourceArns ? { sourceArns: [...s.sourceArns].sort() } : {}), ...(actions ? { actions } : {}) };
      });
    return keyPolicyStatements({ ...this.policyInput, servicePrincipals, serviceLinkedRoles: [...this.serviceLinkedRoles].sort() });
  }

  /** Let a grantee encrypt and decrypt with this key (and only this key). One statement, sid "EncryptDecrypt<key id>". */
  grantEncryptDecrypt(grantee: Grantee, options: GrantOptions = {}): void {
    grantStatements(grantee, options.sid, `EncryptDecrypt${sidOf(this.node.id)}`, [
      { suffix: "", effect: "Allow", actions: [...ENCRYPT_DECRYPT_ACTIONS], resources: [this.keyArn] },
    ]);
  }

  /** Let a grantee decrypt with this key. One statement, sid "Decrypt<key id>". */
  grantDecrypt(grantee: Grantee, options: GrantOptions = {}): void {
    grantStatements(grantee, options.sid, `Decrypt${sidOf(this.node.id)}`, [
      { suffix: "", effect: "Allow", actions: [...DECRYPT_ACTIONS], resources: [this.keyArn] },
    ]);
  }
}
