import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { EcsCapacityProvider } from "@cdktf/provider-aws/lib/ecs-capacity-provider";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { type Grantee, grantErrors, type PolicyStatement, toDocumentStatement } from "@infra/iam";
import { declareKeyUse } from "@infra/kms";
import { LogGroup } from "@infra/monitoring";
import { Construct } from "constructs";
import { ecsOptimizedAmiParameter } from "./ami";
import { AGENT_NAMESPACE, type HostDiskMetric, hostAgentScript, hostDiskMetric, hostMemoryMetric } from "./host-agent";
import { type PlacementMode, type PlacementStrategy, placementStrategy } from "./placement";
import { ecsUserData } from "./user-data";
import { validateClusterProps } from "./validate";
import { ingressFromSecurityGroup } from "@infra/vpc";

export interface EcsEc2ClusterProps {
  /** Cluster name, also the prefix of its ASG, launch template, roles and security group. */
  readonly name: string;
  readonly vpcId: string;
  /** Private subnets for the container instances, one per AZ the cluster spans. */
  readonly subnetIds: readonly string[];
  /** EC2 instance type, e.g. "t3.micro" or "m6g.large" (Graviton gets the arm64 AMI). */
  readonly instanceType: string;
  readonly minSize: number;
  readonly maxSize: number;
  /** Initial instance count; managed scaling owns it afterwards (ignored in later plans). @default minSize */
  readonly desiredCapacity?: number;
  /** CloudWatch Container Insights (seed 004: prod only). */
  readonly containerInsights: boolean;
  /** Retention of the cluster's log group /aws/ecs/<name>. */
  readonly logRetentionDays: number;
  /** CMK of the cluster's log group. @default none */
  readonly logKmsKeyArn?: string;
  /** Managed scaling keeps the cluster's reserved capacity at this percent. @default 70 (seed 004 "Target Utilization: 70%") */
  readonly targetCapacityPercent?: number;
  /**
   * Instances added or removed per scaling step. @default 1 (seed 004 "+1 instance", "-1 instance")
   * ECS managed scaling scales in only after 15 minutes below target (seed 004 "-1 instance (15 min)"):
   * that delay is built into ECS and cannot be configured.
   */
  readonly scalingStepSize?: number;
  /** Seconds a new instance is given before its metrics count, pacing scale-out. @default 300 (seed 004 "+1 instance (5 min)") */
  readonly instanceWarmupSeconds?: number;
  /** Root volume size in GiB (the AL2023 ECS AMI needs at least 30). @default 30 */
  readonly ebsVolumeSize?: number;
  /** CMK of the root volumes. @default the account's default EBS key */
  readonly ebsKmsKeyArn?: string;
  /** Task placement for services on this cluster, exposed as `defaultPlacementStrategy`. @default "any" */
  readonly placement?: PlacementMode;
  /** One-minute EC2 metrics. @default true */
  readonly detailedMonitoring?: boolean;
  /** Replace instances when the launch template changes (new AMI, type, ...): launch before terminate. @default true */
  readonly instanceRefresh?: boolean;
  /** Statements of the task role (seed 004: S3, DynamoDB, Secrets Manager). More with `grantTaskRole`. @default none */
  readonly taskRoleStatements?: readonly PolicyStatement[];
  /** Extra statements of the task execution role, e.g. secretsmanager:GetSecretValue for container secrets. @default none */
  readonly executionRoleStatements?: readonly PolicyStatement[];
  /** Extra /etc/ecs/ecs.config settings, e.g. { ECS_ENABLE_CONTAINER_METADATA: "true" }. @default {} */
  readonly ecsConfig?: Readonly<Record<string, string>>;
  /**
   * The CloudWatch agent on every instance: disk use of the root volume as `CWAgent` `disk_used_percent`
   * (exposed as `hostDiskMetric` for a low-disk alarm) and the ECS agent, ECS init and cloud-init logs
   * shipped to `systemLogGroupName` (created here, with the cluster's log retention and key). The
   * instances need a route to the AL2023 package repositories (NAT or an S3 gateway endpoint) to install it.
   * @default none (no agent: EC2 publishes CPU, never disk use)
   */
  readonly hostAgent?: { readonly systemLogGroupName: string };
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Tags for the instances and root volumes the ASG launches, e.g. the deployment's default tags:
   * provider default_tags never reach them (they are set by the ASG's `tag` blocks and the launch
   * template's tag specifications), and a tag-based backup selection looks for them on the volumes.
   * @default {}
   */
  readonly launchedResourceTags?: Readonly<Record<string, string>>;
}

/**
 * An ECS cluster on EC2 (seed 004 layer 3): ECS-optimized AL2023 instances in an auto scaling group
 * across the given private subnets, an ECS capacity provider with managed scaling, draining and
 * termination protection, IMDSv2-only launch template with encrypted gp3 root volumes and no public
 * IPs, the container instance role (SSM instead of SSH), a task execution role and a task role.
 */
export class EcsEc2Cluster extends Construct {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly capacityProviderName: string;
  readonly autoScalingGroupName: string;
  readonly autoScalingGroupArn: string;
  readonly instanceSecurityGroupId: string;
  readonly instanceRoleArn: string;
  readonly taskExecutionRoleArn: string;
  readonly taskExecutionRoleName: string;
  readonly taskRoleArn: string;
  readonly taskRoleName: string;
  readonly logGroupName: string;
  readonly logGroupArn: string;
  /** The instances' disk use as the CloudWatch agent publishes it; undefined without `hostAgent`. */
  readonly hostDiskMetric?: HostDiskMetric;
  /** The instances' memory use (`mem_used_percent` over the group) as the agent publishes it; undefined without `hostAgent`. */
  readonly hostMemoryMetric?: HostDiskMetric;
  /** The log group of the instances' own logs; undefined without `hostAgent`. */
  readonly systemLogGroupName?: string;
  /** ordered_placement_strategy for services on this cluster. */
  readonly defaultPlacementStrategy: readonly PlacementStrategy[];
  /** capacity_provider_strategy for services on this cluster. */
  readonly capacityProviderStrategy: readonly { readonly capacityProvider: string; readonly weight: number; readonly base: number }[];

  private readonly sgId: string;
  private readonly taskRole: IamRole;
  private readonly executionRole: IamRole;
  private readonly grantedSids = new Map<IamRole, Set<string>>();
  private ingressCount = 0;

  constructor(scope: Construct, id: string, props: EcsEc2ClusterProps) {
    super(scope, id);
    markLibrary(this, "ecs");
    const p = validateClusterProps(props);
    const tags = props.tags ?? {};
    const named = (suffix: string) => ({ ...tags, Name: `${props.name}-${suffix}` });
    const launched = { ...props.launchedResourceTags, ...named("ecs-instance") };

    const logs = new LogGroup(this, "logs", {
      name: `/aws/ecs/${props.name}`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.logKmsKeyArn,
      tags: named("logs"),
    });
    this.logGroupName = logs.logGroupName;
    this.logGroupArn = logs.logGroupArn;

    const cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      setting: [{ name: "containerInsights", value: props.containerInsights ? "enabled" : "disabled" }],
      tags: { ...tags, Name: props.name },
    });
    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;

    // --- container instances -------------------------------------------------------------------
    const instanceRole = new IamRole(this, "instance-role", {
      name: `${props.name}-ecs-instance`,
      assumeRolePolicy: this.trustPolicy("instance-trust", "ec2.amazonaws.com"),
      tags: named("ecs-instance"),
    });
    this.instanceRoleArn = instanceRole.arn;
    for (const [key, arn] of [
      ["ecs", "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"],
      ["ssm", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
    ] as const) {
      new IamRolePolicyAttachment(this, `instance-${key}`, { role: instanceRole.name, policyArn: arn });
    }
    const agent = props.hostAgent ? this.hostAgent(instanceRole, props.hostAgent.systemLogGroupName, props, named("system-logs")) : undefined;
    this.systemLogGroupName = agent?.logGroupName;
    const profile = new IamInstanceProfile(this, "instance-profile", {
      name: `${props.name}-ecs-instance`,
      role: instanceRole.name,
      tags: named("ecs-instance"),
    });

    const sg = new SecurityGroup(this, "instance-sg", {
      name: `${props.name}-ecs-instances`,
      description: `ECS container instances of ${props.name}: no inbound unless allowed, outbound for ECR/ECS/SSM/logs`,
      vpcId: props.vpcId,
      tags: named("ecs-instances"),
    });
    this.sgId = sg.id;
    this.instanceSecurityGroupId = sg.id;
    new VpcSecurityGroupEgressRule(this, "instance-egress", {
      securityGroupId: sg.id,
      ipProtocol: "-1",
      cidrIpv4: "0.0.0.0/0",
      description: "Outbound to ECR, ECS, SSM, CloudWatch and task dependencies (through NAT or VPC endpoints)",
    });

    const ami = new DataAwsSsmParameter(this, "ami", { name: ecsOptimizedAmiParameter(props.instanceType) });
    const launchTemplate = new LaunchTemplate(this, "launch-template", {
      name: `${props.name}-ecs`,
      description: `ECS-optimized Amazon Linux 2023 container instances of ${props.name}`,
      // An AMI id is not secret: insecure_value keeps it readable in plans.
      imageId: ami.insecureValue,
      instanceType: props.instanceType,
      iamInstanceProfile: { arn: profile.arn },
      // IMDSv2 only. Hop limit 1: containers in bridge mode (one hop further) cannot reach the metadata
      // service at all, and awsvpc tasks are blocked by ECS_AWSVPC_BLOCK_IMDS. The ECS agent runs with
      // host networking and task credentials come from the agent's endpoint, so nothing needs 2 hops.
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
      blockDeviceMappings: [
        {
          deviceName: "/dev/xvda",
          ebs: { volumeSize: p.ebsVolumeSize, volumeType: "gp3", encrypted: "true", kmsKeyId: props.ebsKmsKeyArn, deleteOnTermination: "true" },
        },
      ],
      networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: [sg.id], deleteOnTermination: "true" }],
      userData: ecsUserData(props.name, props.ecsConfig, agent?.script),
      monitoring: { enabled: props.detailedMonitoring ?? true },
      ebsOptimized: "true",
      updateDefaultVersion: true,
      tagSpecifications: [
        { resourceType: "instance", tags: launched },
        { resourceType: "volume", tags: launched },
      ],
      tags: named("ecs"),
    });

    const asg = new AutoscalingGroup(this, "asg", {
      name: `${props.name}-ecs`,
      minSize: props.minSize,
      maxSize: props.maxSize,
      desiredCapacity: p.desiredCapacity,
      vpcZoneIdentifier: [...props.subnetIds],
      launchTemplate: { id: launchTemplate.id, version: `${launchTemplate.latestVersion}` },
      healthCheckType: "EC2",
      healthCheckGracePeriod: 300,
      // Managed termination protection: ECS, not the ASG, picks which instances may go (no running tasks).
      protectFromScaleIn: true,
      enabledMetrics: [
        "GroupDesiredCapacity",
        "GroupInServiceInstances",
        "GroupMaxSize",
        "GroupMinSize",
        "GroupPendingInstances",
        "GroupTerminatingInstances",
        "GroupTotalInstances",
      ],
      instanceRefresh:
        (props.instanceRefresh ?? true)
          ? {
              strategy: "Rolling",
              // Launch the replacement before terminating, and replace scale-in-protected instances too
              // (ECS managed draining moves their tasks first).
              preferences: {
                minHealthyPercentage: 100,
                maxHealthyPercentage: 200,
                scaleInProtectedInstances: "Refresh",
                instanceWarmup: String(p.instanceWarmupSeconds),
              },
            }
          : undefined,
      tag: [
        { key: "AmazonECSManaged", value: "", propagateAtLaunch: true },
        ...Object.entries(launched)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      ],
      // Managed scaling sets the desired capacity; Terraform would otherwise reset it on every apply.
      lifecycle: { ignoreChanges: ["desired_capacity"] },
    });
    // Auto Scaling launches the instances, so its service-linked role encrypts their volumes with the key.
    declareKeyUse(asg, props.ebsKmsKeyArn, { kind: "service-linked-role", service: "autoscaling.amazonaws.com" });
    this.autoScalingGroupName = asg.name;
    this.autoScalingGroupArn = asg.arn;
    if (props.hostAgent) {
      this.hostDiskMetric = hostDiskMetric(asg.name);
      this.hostMemoryMetric = hostMemoryMetric(asg.name);
    }

    const capacityProvider = new EcsCapacityProvider(this, "capacity-provider", {
      name: `${props.name}-ec2`,
      autoScalingGroupProvider: {
        autoScalingGroupArn: asg.arn,
        managedTerminationProtection: "ENABLED",
        managedDraining: "ENABLED",
        managedScaling: {
          status: "ENABLED",
          targetCapacity: p.targetCapacityPercent,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: p.scalingStepSize,
          instanceWarmupPeriod: p.instanceWarmupSeconds,
        },
      },
      tags: named("ec2"),
    });
    this.capacityProviderName = capacityProvider.name;
    new EcsClusterCapacityProviders(this, "capacity-providers", {
      clusterName: cluster.name,
      capacityProviders: [capacityProvider.name],
      defaultCapacityProviderStrategy: [{ capacityProvider: capacityProvider.name, weight: 1, base: 0 }],
    });
    this.capacityProviderStrategy = [{ capacityProvider: capacityProvider.name, weight: 1, base: 0 }];
    this.defaultPlacementStrategy = placementStrategy(p.placement);

    // --- task roles ------------------------------------------------------------------------------
    this.executionRole = new IamRole(this, "task-execution-role", {
      name: `${props.name}-ecs-task-execution`,
      assumeRolePolicy: this.trustPolicy("task-execution-trust", "ecs-tasks.amazonaws.com"),
      tags: named("ecs-task-execution"),
    });
    new IamRolePolicyAttachment(this, "task-execution-policy", {
      role: this.executionRole.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    });
    this.taskExecutionRoleArn = this.executionRole.arn;
    this.taskExecutionRoleName = this.executionRole.name;

    this.taskRole = new IamRole(this, "task-role", {
      name: `${props.name}-ecs-task`,
      assumeRolePolicy: this.trustPolicy("task-trust", "ecs-tasks.amazonaws.com"),
      tags: named("ecs-task"),
    });
    this.taskRoleArn = this.taskRole.arn;
    this.taskRoleName = this.taskRole.name;
    for (const s of props.taskRoleStatements ?? []) this.grantTaskRole(s);
    for (const s of props.executionRoleStatements ?? []) this.grantExecutionRole(s);
  }

  /** Opens a port (or an inclusive range, e.g. [32768, 65535] for bridge-mode dynamic ports) to a security group. */
  allowFrom(securityGroupId: string, port: number | readonly [number, number], description: string): void {
    const [from, to] = typeof port === "number" ? [port, port] : port;
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= 65535)) {
      throw new Error(`EcsEc2Cluster.allowFrom: port ${JSON.stringify(port)} is not a port or an ascending range in 0..65535`);
    }
    if (description.trim() === "") throw new Error("EcsEc2Cluster.allowFrom: every ingress rule needs a description");
    ingressFromSecurityGroup(this, `ingress-${this.ingressCount++}`, {
      securityGroupId: this.sgId,
      sourceSecurityGroupId: securityGroupId,
      port: [from, to],
      description,
    });
  }

  /** Adds a statement to the task role (what the application may do). */
  grantTaskRole(statement: PolicyStatement): void {
    this.grant(this.taskRole, "task", statement);
  }

  /** Adds a statement to the task execution role (what ECS needs to start tasks, e.g. reading container secrets). */
  grantExecutionRole(statement: PolicyStatement): void {
    this.grant(this.executionRole, "task-execution", statement);
  }

  /** The task role as a grantee of library grants: `bucket.grantRead(cluster.taskRoleGrantee)`. */
  get taskRoleGrantee(): Grantee {
    return { addToRolePolicy: (statement) => this.grantTaskRole(statement) };
  }

  /** The task execution role as a grantee of library grants. */
  get executionRoleGrantee(): Grantee {
    return { addToRolePolicy: (statement) => this.grantExecutionRole(statement) };
  }

  private grant(role: IamRole, kind: string, statement: PolicyStatement): void {
    const sids = this.grantedSids.get(role) ?? new Set<string>();
    this.grantedSids.set(role, sids);
    throwIfInvalid(`EcsEc2Cluster ${kind} role`, grantErrors(statement, sids, `the ${kind} role`));
    const doc = new DataAwsIamPolicyDocument(this, `${kind}-${statement.sid}-doc`, { statement: [toDocumentStatement(statement)] });
    new IamRolePolicy(this, `${kind}-${statement.sid}`, { name: statement.sid, role: role.id, policy: doc.json });
  }

  /**
   * The agent's log group and the instance role's rights for it: metrics only into the agent's
   * namespace, log events only into that group. Returns the user data lines that install and start it.
   */
  private hostAgent(
    instanceRole: IamRole,
    logGroupName: string,
    props: EcsEc2ClusterProps,
    tags: Record<string, string>,
  ): { logGroupName: string; script: string[] } {
    const group = new LogGroup(this, "system-logs", { name: logGroupName, retentionDays: props.logRetentionDays, kmsKeyArn: props.logKmsKeyArn, tags });
    const doc = new DataAwsIamPolicyDocument(this, "instance-cloudwatch-agent-doc", {
      statement: [
        {
          sid: "PutAgentMetrics",
          effect: "Allow",
          actions: ["cloudwatch:PutMetricData"],
          // PutMetricData has no resource type: the namespace condition is what scopes it.
          resources: ["*"],
          condition: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: [AGENT_NAMESPACE] }],
        },
        // The agent reads the instance's aws:autoscaling:groupName tag for the AutoScalingGroupName dimension
        // (instance metadata tags are off); DescribeTags has no resource type.
        { sid: "ReadInstanceTags", effect: "Allow", actions: ["ec2:DescribeTags"], resources: ["*"] },
        {
          sid: "ShipSystemLogs",
          effect: "Allow",
          actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
          resources: [group.logGroupArn, `${group.logGroupArn}:log-stream:*`],
        },
      ],
    });
    new IamRolePolicy(this, "instance-cloudwatch-agent", { name: "CloudWatchAgent", role: instanceRole.id, policy: doc.json });
    return { logGroupName: group.logGroupName, script: hostAgentScript(logGroupName) };
  }

  private account?: DataAwsCallerIdentity;

  /** Trust for a service principal, limited to this account (confused-deputy protection). */
  private trustPolicy(id: string, service: string): string {
    this.account ??= new DataAwsCallerIdentity(this, "account");
    return new DataAwsIamPolicyDocument(this, id, {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: [service] }],
          ...(service === "ecs-tasks.amazonaws.com"
            ? { condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [this.account.accountId] }] }
            : {}),
        },
      ],
    }).json;
  }
}
