import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { markLibrary } from "@infra/core";
import type { Grantee } from "@infra/iam";
import { type AllowedSecurityGroup, DataSecurityGroup, type DataSecurityGroupProps } from "@infra/vpc";
import { Construct } from "constructs";
import type { CacheEngine } from "./engine";
import { type CacheConnectOptions, grantConnect } from "./grant";

/** The props both cache constructs take, with the same meaning. */
export interface CacheCommonProps {
  /** @default "redis" */
  readonly engine?: CacheEngine;
  /** CMK for encryption at rest. */
  readonly kmsKeyArn: string;
  /** Private subnets of the cache (a replication group: any number; serverless: 2-3 AZs). */
  readonly subnetIds: readonly string[];
  readonly vpcId: string;
  /** Security groups allowed on the cache's port(s). More with allowFrom(). @default none */
  readonly allowedSecurityGroups?: readonly AllowedSecurityGroup[];
  /** Days of daily snapshots, 0..35 (0 = off). @default 7 */
  readonly snapshotRetentionDays?: number;
  /** Keep the cache on `terraform destroy` (lifecycle.prevent_destroy); a replication group also snapshots on delete. @default true */
  readonly deletionProtection?: boolean;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * What the replication group and the serverless cache share: the data-tier security group clients
 * are let into, and `grantConnect` on the cache's IAM users.
 */
export abstract class CacheConstruct extends Construct {
  /** ARNs of the cache's IAM users by user name (auth mode "iam"); empty otherwise. */
  protected abstract readonly userArns: Readonly<Record<string, string>>;
  /** The security group, from {@link openSecurityGroup}. */
  private securityGroup?: DataSecurityGroup;

  protected constructor(scope: Construct, id: string) {
    super(scope, id);
    markLibrary(this, "elasticache");
  }

  /** The cache's ARN, the resource elasticache:Connect names with the user. */
  protected abstract connectArn(): string;

  /** The cache's own security group ("security-group"), with its first clients; returns its id. */
  protected openSecurityGroup(props: DataSecurityGroupProps): string {
    this.securityGroup = new DataSecurityGroup(this, "security-group", props);
    return this.securityGroup.securityGroupId;
  }

  /** Let clients in another security group connect on the cache's port(s). */
  allowFrom(securityGroupId: string, description: string): void {
    this.securityGroup!.allowFrom(securityGroupId, description);
  }

  /** Let a grantee connect as one of this cache's IAM users (auth mode "iam"). One statement, default sid "Connect<cache id>". */
  grantConnect(grantee: Grantee, options: CacheConnectOptions): void;
  /** @deprecated Pass a grantee: `grantConnect(grantee, { userName })` (ADR 0115). */
  grantConnect(userName: string): DataAwsIamPolicyDocumentStatement[];
  grantConnect(grantee: Grantee | string, options?: CacheConnectOptions): void | DataAwsIamPolicyDocumentStatement[] {
    return grantConnect(this, this.connectArn(), this.userArns, grantee, options);
  }
}
