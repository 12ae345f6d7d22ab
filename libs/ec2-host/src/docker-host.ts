import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { EipAssociation } from "@cdktf/provider-aws/lib/eip-association";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { markLibrary } from "@infra/core";
import { ecrPullStatements } from "@infra/ecr";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { DEFAULT_EGRESS, type EgressRule, type IngressRule, type Peer, validateEgress, validateIngress } from "./rules";
import { type HostArchitecture, renderUserData } from "./user-data";
import { serviceTrustPolicy } from "@infra/iam";

/** Public SSM parameters that always name the latest Amazon Linux 2023 AMI of an architecture. */
export const AL2023_AMI_PARAMETERS: Readonly<Record<HostArchitecture, string>> = {
  x86_64: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  arm64: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
};

export interface RootVolumeProps {
  /** Size in GiB. @default 30 */
  readonly sizeGiB?: number;
  /** gp3 IOPS. @default 3000 (gp3 baseline) */
  readonly iops?: number;
  /** gp3 throughput in MiB/s. @default 125 (gp3 baseline) */
  readonly throughputMiBps?: number;
}

export interface RecoveryAlarmProps {
  /** Seconds per evaluation period. @default 60 */
  readonly periodSeconds?: number;
  /** Consecutive failing periods before recovery. @default 5 (seed 001: "StatusCheckFailed > 0 for 5 min") */
  readonly evaluationPeriods?: number;
  /** SNS topics told about the recovery, besides the recover action itself. @default [] */
  readonly notifyTopicArns?: readonly string[];
}

export interface DockerHostProps {
  /** Name prefix of the host's resources, e.g. "prod-acct-atlas-docker". */
  readonly name: string;
  /** e.g. "t3.xlarge" (seed 001 phase 1). */
  readonly instanceType: string;
  /** CPU architecture of instanceType; picks the AL2023 AMI. @default "x86_64" */
  readonly architecture?: HostArchitecture;
  /**
   * Pin an AMI id instead of resolving the latest AL2023 through SSM. @default the SSM public
   * parameter (later AMI releases are ignored on the running host, see `lifecycle.ignore_changes`)
   */
  readonly amiId?: string;
  readonly vpcId: string;
  readonly subnetId: string;
  /** Customer-managed KMS key ARN for the root volume. */
  readonly kmsKeyArn: string;
  /** @default 30 GiB gp3 at baseline IOPS/throughput */
  readonly rootVolume?: RootVolumeProps;
  /** Give the host an Elastic IP (aws_eip + aws_eip_association): a stable address for DNS. @default false */
  readonly elasticIp?: boolean;
  /** An ephemeral public IP at launch (prefer `elasticIp`). @default false */
  readonly associatePublicIp?: boolean;
  /** Refuse TerminateInstances (disable_api_termination). @default true */
  readonly terminationProtection?: boolean;
  /** One-minute CloudWatch metrics. @default true */
  readonly detailedMonitoring?: boolean;
  /** EC2 key pair for SSH. @default none (use SSM Session Manager) */
  readonly keyName?: string;
  /** The only CIDRs SSH (22) is open from. @default [] (no SSH) */
  readonly sshAdminCidrs?: readonly string[];
  /** Other ingress, e.g. 80/443 from the world for nginx. @default [] */
  readonly ingress?: readonly IngressRule[];
  /** @default all traffic to 0.0.0.0/0 (seed 001 phase 1) */
  readonly egress?: readonly EgressRule[];
  /** ECR repositories the host may pull from. @default [] */
  readonly ecrRepositoryArns?: readonly string[];
  /** Secrets Manager secrets the host may read (compose env files are filled from them at deploy). @default [] */
  readonly secretArns?: readonly string[];
  /** CMK of those secrets: kms:Decrypt through Secrets Manager only. @default none */
  readonly secretsKmsKeyArn?: string;
  /** docker compose plugin release. @default "v2.32.4" */
  readonly composeVersion?: string;
  /** SSM parameter with a CloudWatch agent config. @default a built-in config (memory, disk) */
  readonly cloudWatchAgentConfigParameter?: string;
  /** Namespace of the built-in agent config's metrics. @default "CWAgent" */
  readonly metricsNamespace?: string;
  /**
   * IMDS hop limit. 1 keeps the instance credentials away from containers in bridge networking; 2 lets
   * containers use the instance role (AWS APIs from compose services) and needs a waiver of INF-EC2-001. @default 1
   */
  readonly metadataHopLimit?: 1 | 2;
  /** @default recover after 5 failing one-minute periods */
  readonly recoveryAlarm?: RecoveryAlarmProps;
  /**
   * Resources the instance must wait for (e.g. the SSM parameter its boot script reads). Constructs,
   * never `fqn` strings: Terraform JSON wants a bare reference in `depends_on`. @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A single EC2 instance that runs Docker Compose: seed 001's phase 1 host. IMDSv2 only (hop limit 1,
 * so containers cannot reach the instance credentials), an encrypted gp3 root volume, an instance
 * role limited to named repositories and secrets, and an alarm that recovers the host when the
 * underlying hardware fails.
 */
export class DockerHost extends Construct {
  readonly instanceId: string;
  readonly publicIp: string;
  readonly privateIp: string;
  readonly securityGroupId: string;
  readonly roleName: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: DockerHostProps) {
    super(scope, id);
    markLibrary(this, "ec2-host");
    const architecture = props.architecture ?? "x86_64";
    const sshAdminCidrs = props.sshAdminCidrs ?? [];
    const ingress = props.ingress ?? [];
    const egress = props.egress ?? DEFAULT_EGRESS;
    validateIngress(ingress, sshAdminCidrs);
    validateEgress(egress);
    const tags = (suffix: string) => ({ ...props.tags, Name: `${props.name}-${suffix}` });

    // --- Network -------------------------------------------------------------------------------
    const sg = new SecurityGroup(this, "sg", {
      name: `${props.name}-host`,
      description: `Docker host ${props.name}`,
      vpcId: props.vpcId,
      tags: tags("host"),
    });
    this.securityGroupId = sg.id;
    const sshRules: IngressRule[] = sshAdminCidrs.length ? [{ port: 22, from: { cidrs: sshAdminCidrs }, description: "SSH from the admin network" }] : [];
    [...ingress, ...sshRules].forEach((rule, i) =>
      this.peerRules(rule.from).forEach((peer, j) => {
        new VpcSecurityGroupIngressRule(this, `ingress-${i}-${j}`, {
          securityGroupId: sg.id,
          ipProtocol: rule.protocol ?? "tcp",
          fromPort: rule.port,
          toPort: rule.toPort ?? rule.port,
          description: rule.description,
          ...peer,
          tags: tags(`ingress-${rule.port}`),
        });
      }),
    );
    egress.forEach((rule, i) =>
      this.peerRules(rule.to).forEach((peer, j) => {
        new VpcSecurityGroupEgressRule(this, `egress-${i}-${j}`, {
          securityGroupId: sg.id,
          ipProtocol: rule.protocol === "all" ? "-1" : rule.protocol,
          ...(rule.protocol === "all" ? {} : { fromPort: rule.port, toPort: rule.toPort ?? rule.port }),
          description: rule.description,
          ...peer,
          tags: tags("egress"),
        });
      }),
    );

    // --- Identity ------------------------------------------------------------------------------
    const assume = serviceTrustPolicy(this, "assume", "ec2.amazonaws.com");
    const role = new IamRole(this, "role", { name: `${props.name}-host`, assumeRolePolicy: assume.json, tags: tags("host") });
    this.roleName = role.name;
    this.roleArn = role.arn;
    for (const [key, policy] of [
      ["ssm", "AmazonSSMManagedInstanceCore"],
      ["cloudwatch-agent", "CloudWatchAgentServerPolicy"],
    ] as const) {
      new IamRolePolicyAttachment(this, `policy-${key}`, { role: role.name, policyArn: `arn:aws:iam::aws:policy/${policy}` });
    }
    const region = new DataAwsRegion(this, "region");
    const statements = this.accessStatements(props, region.region);
    if (statements.length > 0) {
      const access = new DataAwsIamPolicyDocument(this, "access", { statement: statements });
      new IamRolePolicy(this, "access-policy", { name: "images-and-secrets", role: role.id, policy: access.json });
    }
    const profile = new IamInstanceProfile(this, "profile", { name: `${props.name}-host`, role: role.name, tags: tags("host") });

    // --- Instance ------------------------------------------------------------------------------
    let ami = props.amiId;
    if (ami === undefined) {
      ami = new DataAwsSsmParameter(this, "ami", { name: AL2023_AMI_PARAMETERS[architecture] }).insecureValue;
    }
    const root = props.rootVolume ?? {};
    const instance = new Instance(this, "instance", {
      dependsOn: props.dependsOn && props.dependsOn.length > 0 ? [...props.dependsOn] : undefined,
      ami,
      instanceType: props.instanceType,
      subnetId: props.subnetId,
      vpcSecurityGroupIds: [sg.id],
      iamInstanceProfile: profile.name,
      keyName: props.keyName,
      associatePublicIpAddress: props.associatePublicIp ?? false,
      ebsOptimized: true,
      monitoring: props.detailedMonitoring ?? true,
      disableApiTermination: props.terminationProtection ?? true,
      metadataOptions: {
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: props.metadataHopLimit ?? 1,
        instanceMetadataTags: "disabled",
      },
      rootBlockDevice: {
        volumeType: "gp3",
        volumeSize: root.sizeGiB ?? 30,
        iops: root.iops ?? 3000,
        throughput: root.throughputMiBps ?? 125,
        encrypted: true,
        kmsKeyId: props.kmsKeyArn,
        deleteOnTermination: true,
        tags: tags("root"),
      },
      userData: renderUserData({
        architecture,
        composeVersion: props.composeVersion ?? "v2.32.4",
        cloudWatchAgentConfigParameter: props.cloudWatchAgentConfigParameter,
        metricsNamespace: props.metricsNamespace ?? "CWAgent",
      }),
      // A new AL2023 release must not replace a running host: rebuilds are deliberate (taint / amiId).
      lifecycle: props.amiId === undefined ? { ignoreChanges: ["ami"] } : undefined,
      tags: tags("host"),
    });
    this.instanceId = instance.id;
    this.privateIp = instance.privateIp;
    this.publicIp = instance.publicIp;

    if (props.elasticIp ?? false) {
      const eip = new Eip(this, "eip", { domain: "vpc", tags: tags("eip") });
      new EipAssociation(this, "eip-association", { allocationId: eip.allocationId, instanceId: instance.id });
      this.publicIp = eip.publicIp;
    }

    // --- Recovery ------------------------------------------------------------------------------
    const recovery = props.recoveryAlarm ?? {};
    new CloudwatchMetricAlarm(this, "recover", {
      alarmName: `${props.name}-system-check-recover`,
      alarmDescription: `Recover ${props.name} onto healthy hardware when the system status check fails`,
      namespace: "AWS/EC2",
      metricName: "StatusCheckFailed_System",
      dimensions: { InstanceId: instance.id },
      statistic: "Maximum",
      period: recovery.periodSeconds ?? 60,
      evaluationPeriods: recovery.evaluationPeriods ?? 5,
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "missing",
      actionsEnabled: true,
      alarmActions: [`arn:aws:automate:${region.region}:ec2:recover`, ...(recovery.notifyTopicArns ?? [])],
      tags: tags("recover"),
    });
  }

  private peerRules(peer: Peer): Array<{ cidrIpv4?: string; cidrIpv6?: string; referencedSecurityGroupId?: string; prefixListId?: string }> {
    if ("cidrs" in peer) return peer.cidrs.map((c) => (c.includes(":") ? { cidrIpv6: c } : { cidrIpv4: c }));
    if ("securityGroupId" in peer) return [{ referencedSecurityGroupId: peer.securityGroupId }];
    return [{ prefixListId: peer.prefixListId }];
  }

  private accessStatements(props: DockerHostProps, region: string): DataAwsIamPolicyDocumentStatement[] {
    const statements = ecrPullStatements(props.ecrRepositoryArns ?? []);
    const secrets = props.secretArns ?? [];
    if (secrets.length > 0) {
      statements.push({
        sid: "ReadSecrets",
        effect: "Allow",
        actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
        resources: [...secrets],
      });
      if (props.secretsKmsKeyArn !== undefined) {
        statements.push({
          sid: "DecryptSecrets",
          effect: "Allow",
          actions: ["kms:Decrypt"],
          resources: [props.secretsKmsKeyArn],
          condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${region}.amazonaws.com`] }],
        });
      }
    }
    return statements;
  }
}
