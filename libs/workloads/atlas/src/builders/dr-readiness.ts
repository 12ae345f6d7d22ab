import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { InlineCodeAsset, LambdaFunction } from "@infra/lambda";
import { EventRule } from "@infra/messaging";
import { Construct } from "constructs";
import { DR_READINESS, DR_READINESS_HANDLER_SOURCE } from "./dr-readiness-handler";

export interface DrReadinessProbeProps {
  /** Function, rule and security group name, e.g. "acct-atlas-prod-dr-readiness". */
  readonly name: string;
  readonly env: string;
  /** The DR region (where the probe runs) and the primary region (where its metrics and alarms are). */
  readonly region: string;
  readonly primaryRegion: string;
  readonly accountId: string;
  /** DB instance identifier of the primary, whose automated backups are replicated here. */
  readonly sourceDbIdentifier: string;
  /** ECR repositories here and the tag the DR services run. */
  readonly repositories: Readonly<Record<string, { readonly arn: string }>>;
  readonly imageTag: string;
  /** ARNs of the secret replicas the DR services read. */
  readonly secretArns: readonly string[];
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  /** CMK of the function's environment and log group. */
  readonly kmsKeyArn: string;
  readonly logRetentionDays: number;
  /** @default "rate(1 hour)" */
  readonly schedule?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The standby's readiness, measured where it would be used (ADR 0106): hourly, in the DR region, how old
 * the replicated restore point is, which images of the DR services' tag are missing and which secret
 * replicas are gone, published to CloudWatch in the primary region (DR_READINESS), whose alarms tell the
 * on-call long before a failover would find out. Read-only permissions on exactly those resources.
 */
export class DrReadinessProbe extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: DrReadinessProbeProps) {
    super(scope, id);
    const sg = new SecurityGroup(this, "sg", {
      name: `${props.name}-fn`,
      description: `DR readiness probe ${props.name}: HTTPS to the RDS, ECR, Secrets Manager and CloudWatch APIs`,
      vpcId: props.vpcId,
      tags: { ...props.tags, Name: `${props.name}-fn` },
    });
    new VpcSecurityGroupEgressRule(this, "https", {
      securityGroupId: sg.id,
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: "AWS APIs (through the NAT gateway)",
    });
    const code = new InlineCodeAsset(this, "code", { files: { "index.mjs": DR_READINESS_HANDLER_SOURCE } });
    this.function = new LambdaFunction(this, "function", {
      name: props.name,
      description: "Hourly: the DR copy's restore point age, missing images and secret replicas, to CloudWatch in the primary region",
      runtime: "nodejs24.x",
      handler: "index.handler",
      code: code.code,
      sourceCodeHash: code.sourceCodeHash,
      memorySize: 256,
      timeout: 120,
      environment: {
        ENV: props.env,
        SOURCE_DB: props.sourceDbIdentifier,
        REPOSITORIES: Object.keys(props.repositories).join(","),
        IMAGE_TAG: props.imageTag,
        SECRETS: props.secretArns.join(","),
        METRICS_REGION: props.primaryRegion,
        NAMESPACE: DR_READINESS.namespace,
      },
      kmsKeyArn: props.kmsKeyArn,
      vpc: { subnetIds: props.subnetIds, securityGroupIds: [sg.id] },
      tracing: "Active",
      reservedConcurrency: 1,
      logging: { retentionDays: props.logRetentionDays, format: "JSON" },
      tags: props.tags,
    });
    const fn = this.function;
    fn.addToRolePolicy({
      sid: "ReadReplicatedBackups",
      actions: ["rds:DescribeDBInstanceAutomatedBackups"],
      resources: [
        `arn:aws:rds:${props.region}:${props.accountId}:auto-backup:*`,
        `arn:aws:rds:${props.region}:${props.accountId}:db:${props.sourceDbIdentifier}`,
      ],
    });
    fn.addToRolePolicy({ sid: "ReadImages", actions: ["ecr:DescribeImages"], resources: Object.values(props.repositories).map((r) => r.arn) });
    fn.addToRolePolicy({ sid: "DescribeSecretReplicas", actions: ["secretsmanager:DescribeSecret"], resources: [...props.secretArns] });
    fn.addToRolePolicy({
      sid: "PublishReadiness",
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      wildcardReason: "cloudwatch:PutMetricData has no resource-level permission; the cloudwatch:namespace condition limits it to the readiness namespace",
      conditions: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: [DR_READINESS.namespace] }],
    });
    new EventRule(this, "schedule", {
      name: props.name,
      description: "Hourly DR readiness probe (ADR 0106)",
      schedule: props.schedule ?? "rate(1 hour)",
      // A missed run is a missing data point: the alarms treat it as breaching; no backlog of stale runs.
      targets: { probe: { type: "lambda", function: fn, maxRetryAttempts: 2, maxEventAgeSeconds: 3600 } },
      tags: props.tags,
    });
  }
}
