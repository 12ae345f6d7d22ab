import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { OpensearchDomain } from "@cdktf/provider-aws/lib/opensearch-domain";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { type TimeOfDay, parseTimeOfDay } from "@infra/config";
import { markLibrary } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import { Construct } from "constructs";
import { ALL_LOG_TYPES, logGroupName, logKey, type SearchLogType } from "./logs";
import { type DedicatedMastersProps, validateTopology, type ZoneAwarenessProps } from "./topology";
import { ingressFromSecurityGroup } from "@infra/vpc";

/** TLS 1.2+ with perfect forward secrecy only (POLICIES.md #20). */
export const DEFAULT_TLS_POLICY = "Policy-Min-TLS-1-2-PFS-2023-10";

export interface SearchDomainProps {
  /** 3-28 lowercase characters, e.g. "prod-atlas-search". */
  readonly domainName: string;
  /** @default "OpenSearch_2.17" */
  readonly engineVersion?: string;
  /** Data node type (seed 001: "t3.small.search" staging, "r6g.large.search" prod). */
  readonly instanceType: string;
  /** Data nodes (seed 001: 1 staging, 3 prod). */
  readonly instanceCount: number;
  /** Dedicated master nodes. @default none (POLICIES.md #23: a dev/staging relaxation) */
  readonly dedicatedMasters?: DedicatedMastersProps;
  /** Spread data nodes over AZs. @default none (single AZ) */
  readonly zoneAwareness?: ZoneAwarenessProps;
  /** gp3 EBS per data node in GiB (seed 001: 20 staging, 100 prod). */
  readonly volumeSizeGiB: number;
  /** gp3 IOPS. @default AWS's baseline for the size */
  readonly iops?: number;
  /** gp3 throughput MiB/s. @default AWS's baseline for the size */
  readonly throughputMiBps?: number;
  /** Customer-managed KMS key ARN for data at rest. */
  readonly kmsKeyArn: string;
  /** @default "Policy-Min-TLS-1-2-PFS-2023-10" */
  readonly tlsSecurityPolicy?: string;
  readonly vpcId: string;
  /** Private subnets: one, or one per zone with zone awareness. */
  readonly subnetIds: readonly string[];
  /** Security groups allowed to reach HTTPS (443), e.g. the search service's. @default [] (see allowFrom) */
  readonly allowFromSecurityGroupIds?: readonly string[];
  /** IAM role that is the fine-grained-access master user (maps to all_access). */
  readonly masterUserArn: string;
  /** IAM principals (role ARNs) allowed to send HTTP requests; fine-grained access control decides the rest. @default [masterUserArn] */
  readonly accessPrincipalArns?: readonly string[];
  /** Logs published to CloudWatch. @default all four */
  readonly logTypes?: readonly SearchLogType[];
  /** Days the log groups keep events. */
  readonly logRetentionDays: number;
  /** Customer-managed KMS key ARN for the log groups. */
  readonly logKmsKeyArn: string;
  /**
   * Only for Elasticsearch < 5.3, which snapshots daily at this UTC hour. OpenSearch takes hourly
   * automated snapshots kept 14 days whatever this says, so it is not emitted unless set. @default unset
   */
  readonly automatedSnapshotStartHour?: number;
  /**
   * Start of the daily off-peak window (UTC, "hh:mm"; AWS runs it for 10 hours), when service
   * software updates and Auto-Tune apply. @default "03:00"
   */
  readonly offPeakWindowStart?: TimeOfDay;
  /** `prevent_destroy` on the domain. @default true */
  readonly deletionProtection?: boolean;
  /** @default { "rest.action.multi.allow_explicit_index": "true" } (AWS's default; set to avoid a perpetual diff) */
  readonly advancedOptions?: Readonly<Record<string, string>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An OpenSearch domain inside the VPC: encrypted at rest (CMK) and between nodes, HTTPS only with a
 * PFS TLS policy, fine-grained access control with an IAM master role, an access policy that names
 * its principals, and every log type published to encrypted log groups with explicit retention.
 */
export class SearchDomain extends Construct {
  readonly domainArn: string;
  readonly domainName: string;
  /** VPC endpoint host name (no scheme). */
  readonly endpoint: string;
  readonly securityGroupId: string;
  readonly logGroupNames: Readonly<Partial<Record<SearchLogType, string>>>;
  private readonly tags: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: SearchDomainProps) {
    super(scope, id);
    markLibrary(this, "opensearch");
    validateTopology({
      domainName: props.domainName,
      instanceCount: props.instanceCount,
      subnetCount: props.subnetIds.length,
      dedicatedMasters: props.dedicatedMasters,
      zoneAwareness: props.zoneAwareness,
    });
    const where = `SearchDomain ${props.domainName}`;
    const h = props.automatedSnapshotStartHour;
    if (h !== undefined && (!Number.isInteger(h) || h < 0 || h > 23)) throw new RangeError(`${where}: automatedSnapshotStartHour must be 0-23`);
    const offPeakStart = parseTimeOfDay(props.offPeakWindowStart ?? "03:00");
    if (offPeakStart === undefined) throw new RangeError(`${where}: offPeakWindowStart "${props.offPeakWindowStart}" must be a UTC time "hh:mm" (24-hour)`);
    const principals = props.accessPrincipalArns ?? [props.masterUserArn];
    const badPrincipal = principals.find((p) => p.includes("*"));
    if (badPrincipal !== undefined) throw new RangeError(`${where}: access principal ${JSON.stringify(badPrincipal)} is a wildcard; name IAM roles`);
    if (principals.length === 0) throw new RangeError(`${where}: accessPrincipalArns must not be empty`);
    const logTypes = props.logTypes ?? ALL_LOG_TYPES;
    const deletionProtection = props.deletionProtection ?? true;
    this.tags = props.tags ?? {};
    const tags = (suffix?: string) => ({ ...props.tags, Name: suffix ? `${props.domainName}-${suffix}` : props.domainName });

    const region = new DataAwsRegion(this, "region");
    const account = new DataAwsCallerIdentity(this, "account");
    // Built from parts: the access policy lives on the domain, which cannot reference its own ARN.
    const domainArn = `arn:aws:es:${region.region}:${account.accountId}:domain/${props.domainName}`;

    // --- Network -------------------------------------------------------------------------------
    const sg = new SecurityGroup(this, "sg", {
      name: `${props.domainName}-search`,
      description: `OpenSearch domain ${props.domainName}`,
      vpcId: props.vpcId,
      tags: tags("search"),
    });
    this.securityGroupId = sg.id;
    (props.allowFromSecurityGroupIds ?? []).forEach((sgId, i) => this.allowFrom(`client-${i}`, sgId, "HTTPS from a search client"));

    // --- Logs ----------------------------------------------------------------------------------
    const groups = logTypes.map((type) => ({
      type,
      group: new CloudwatchLogGroup(this, `log-${logKey(type)}`, {
        name: logGroupName(props.domainName, type),
        retentionInDays: props.logRetentionDays,
        kmsKeyId: props.logKmsKeyArn,
        tags: tags(`log-${logKey(type)}`),
      }),
    }));
    for (const { group } of groups) declareLogGroupKey(group, props.logKmsKeyArn);
    this.logGroupNames = Object.fromEntries(groups.map(({ type, group }) => [type, group.name]));
    let logPolicy: CloudwatchLogResourcePolicy | undefined;
    if (groups.length > 0) {
      const doc = new DataAwsIamPolicyDocument(this, "log-policy-doc", {
        statement: [
          {
            sid: "OpenSearchPublishLogs",
            effect: "Allow",
            principals: [{ type: "Service", identifiers: ["es.amazonaws.com"] }],
            actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
            resources: groups.map(({ group }) => `${group.arn}:*`),
            condition: [
              { test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] },
              { test: "ArnLike", variable: "aws:SourceArn", values: [domainArn] },
            ],
          },
        ],
      });
      logPolicy = new CloudwatchLogResourcePolicy(this, "log-policy", { policyName: `${props.domainName}-opensearch-logs`, policyDocument: doc.json });
    }

    // --- Access policy: named principals only; FGAC maps them to roles inside OpenSearch ---------
    const access = new DataAwsIamPolicyDocument(this, "access-policy", {
      statement: [
        {
          sid: "NamedPrincipalsHttp",
          effect: "Allow",
          principals: [{ type: "AWS", identifiers: [...principals] }],
          actions: ["es:ESHttp*"],
          resources: [`${domainArn}/*`],
        },
      ],
    });

    // --- Domain --------------------------------------------------------------------------------
    const masters = props.dedicatedMasters;
    const zones = props.zoneAwareness;
    const domain = new OpensearchDomain(this, "domain", {
      domainName: props.domainName,
      engineVersion: props.engineVersion ?? "OpenSearch_2.17",
      clusterConfig: {
        instanceType: props.instanceType,
        instanceCount: props.instanceCount,
        dedicatedMasterEnabled: masters !== undefined,
        ...(masters ? { dedicatedMasterCount: masters.count, dedicatedMasterType: masters.instanceType } : {}),
        zoneAwarenessEnabled: zones !== undefined,
        ...(zones ? { zoneAwarenessConfig: { availabilityZoneCount: zones.azCount } } : {}),
      },
      ebsOptions: {
        ebsEnabled: true,
        volumeType: "gp3",
        volumeSize: props.volumeSizeGiB,
        ...(props.iops !== undefined ? { iops: props.iops } : {}),
        ...(props.throughputMiBps !== undefined ? { throughput: props.throughputMiBps } : {}),
      },
      encryptAtRest: { enabled: true, kmsKeyId: props.kmsKeyArn },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: props.tlsSecurityPolicy ?? DEFAULT_TLS_POLICY },
      vpcOptions: { subnetIds: [...props.subnetIds], securityGroupIds: [sg.id] },
      advancedSecurityOptions: {
        enabled: true,
        anonymousAuthEnabled: false,
        internalUserDatabaseEnabled: false,
        masterUserOptions: { masterUserArn: props.masterUserArn },
      },
      accessPolicies: access.json,
      advancedOptions: { ...(props.advancedOptions ?? { "rest.action.multi.allow_explicit_index": "true" }) },
      logPublishingOptions: groups.map(({ type, group }) => ({ logType: type, cloudwatchLogGroupArn: group.arn, enabled: true })),
      ...(h !== undefined ? { snapshotOptions: { automatedSnapshotStartHour: h } } : {}),
      offPeakWindowOptions: {
        enabled: true,
        offPeakWindow: { windowStartTime: { hours: Math.floor(offPeakStart / 60), minutes: offPeakStart % 60 } },
      },
      dependsOn: logPolicy ? [logPolicy] : undefined,
      lifecycle: { preventDestroy: deletionProtection },
      tags: tags(),
    });
    this.domainArn = domain.arn;
    this.domainName = domain.domainName;
    this.endpoint = domain.endpoint;
  }

  /** Lets a security group (a search client) reach the domain's HTTPS endpoint. */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    ingressFromSecurityGroup(this, `ingress-${id}`, {
      securityGroupId: this.securityGroupId,
      sourceSecurityGroupId,
      port: 443,
      description,
      tags: { ...this.tags, Name: `ingress-${id}` },
    });
  }
}
