import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { markLibrary } from "@infra/core";
import { ecrPullStatements } from "@infra/ecr";
import { declareLogGroupKey } from "@infra/kms";
import { Construct } from "constructs";
import type { CapacityProviderStrategyItem } from "./cluster";
import { type ContainerProps, renderContainerDefinitions, type SidecarProps, validateContainer, validateSidecars, writableVolumeName } from "./container";
import {
  type AutoScalingProps,
  DEFAULT_BLUE_GREEN_CONFIG,
  DEFAULT_DEPLOYMENT,
  type DeploymentProps,
  deploymentControllerType,
  validateScaling,
} from "./deployment";
import { validateFargateSize } from "./task-size";
import { ingressFromSecurityGroup } from "@infra/vpc";
import { serviceTrustPolicy } from "@infra/iam";

export interface ClusterRef {
  readonly clusterArn: string;
  readonly clusterName: string;
}

export interface ServiceDiscoveryProps {
  /** From PrivateNamespace. */
  readonly namespaceId: string;
  readonly namespaceName: string;
  /** DNS label of the service. @default the service name */
  readonly name?: string;
  /** @default 10 */
  readonly ttlSeconds?: number;
}

export interface LoadBalancerAttachment {
  /** The load balancer's security group: allowed to reach the container port. */
  readonly securityGroupId: string;
  /** Target group the tasks register in. Rolling mode only; blue/green starts on deployment.blueTargetGroup. */
  readonly targetGroupArn?: string;
}

export type EgressProps =
  | { readonly mode: "anywhere" }
  | { readonly mode: "cidrs"; readonly cidrs: readonly string[] }
  /**
   * No egress rule on the service's own group: the tasks reach only what their
   * `additionalSecurityGroupIds` allow (e.g. a tier group scoped to HTTPS, the database and the cache).
   */
  | { readonly mode: "none" };

/** A log group that exists already (e.g. a workload's central application log group). */
export interface ExistingLogGroup {
  readonly name: string;
  readonly arn: string;
}

export interface FargateServiceProps {
  /** Service name, unique in the cluster, e.g. "api-gateway"; also names the task family and log group. */
  readonly name: string;
  readonly cluster: ClusterRef;
  readonly vpcId: string;
  /** Private subnets; tasks never get a public IP. */
  readonly subnetIds: readonly string[];
  /** Task CPU units (seed 001: 512 or 256). */
  readonly cpu: number;
  /** Task memory MiB (seed 001: 1024 or 512). */
  readonly memory: number;
  /** @default "X86_64" */
  readonly cpuArchitecture?: "X86_64" | "ARM64";
  readonly container: ContainerProps;
  /** ECR repositories the execution role may pull from (the image's). @default [] (public images only) */
  readonly ecrRepositoryArns?: readonly string[];
  /** CMK of the secrets in container.secrets: kms:Decrypt through Secrets Manager. @default none */
  readonly secretsKmsKeyArn?: string;
  /**
   * Region of the secrets in container.secrets, for the `kms:ViaService` condition of the decrypt
   * grant (a DR task reading the primary region's secret). @default the task's region
   */
  readonly secretsRegion?: string;
  /** Containers beside the application in the same task, e.g. the X-Ray daemon. @default [] */
  readonly sidecars?: readonly SidecarProps[];
  /**
   * Write the containers' logs to this existing group (its retention and key are its owner's)
   * instead of creating `/ecs/<name>`. @default a group of its own with logRetentionDays and logKmsKeyArn
   */
  readonly existingLogGroup?: ExistingLogGroup;
  /**
   * More security groups of the tasks, e.g. the application tier's group that the database and the
   * cache already admit. @default []
   */
  readonly additionalSecurityGroupIds?: readonly string[];
  /** Extra permissions of the application (task role), e.g. SQS send on one queue. @default none */
  readonly taskPolicyStatements?: readonly DataAwsIamPolicyDocumentStatement[];
  /** Days the container log group keeps events (explicit, POLICIES.md #54). */
  readonly logRetentionDays: number;
  /** Customer-managed KMS key ARN for the log group. */
  readonly logKmsKeyArn: string;
  /** @default 1 */
  readonly desiredCount?: number;
  /** @default FARGATE launch type; a strategy enables FARGATE_SPOT mixes */
  readonly capacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
  /** @default "LATEST" */
  readonly platformVersion?: string;
  /** @default none */
  readonly loadBalancer?: LoadBalancerAttachment;
  /** Seconds health checks of the load balancer are ignored after a task starts. @default 60 with a load balancer */
  readonly healthCheckGracePeriodSeconds?: number;
  /** Register the tasks in Cloud Map (A records) so other services reach them by name. @default none */
  readonly serviceDiscovery?: ServiceDiscoveryProps;
  /** @default { mode: "rolling" } (circuit breaker with rollback) */
  readonly deployment?: DeploymentProps;
  /** Target tracking on CPU (and optionally memory). @default fixed desiredCount */
  readonly autoScaling?: AutoScalingProps;
  /** Where tasks may connect to. @default { mode: "anywhere" } (databases, caches, AWS APIs through NAT) */
  readonly egress?: EgressProps;
  /** ECS Exec (SSM into containers). @default false */
  readonly enableExecuteCommand?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Fargate service: its task definition (read-only root filesystem, secrets from Secrets Manager,
 * awslogs with explicit retention), separate execution and task roles, a security group, optional
 * load balancer, Cloud Map registration, auto-scaling, and rolling or CodeDeploy blue/green rollouts.
 */
export class FargateService extends Construct {
  readonly serviceName: string;
  readonly serviceArn: string;
  readonly securityGroupId: string;
  readonly taskDefinitionArn: string;
  readonly taskRoleArn: string;
  readonly taskRoleName: string;
  readonly executionRoleArn: string;
  readonly logGroupName: string;
  /** `<name>.<namespace>` when registered in Cloud Map. */
  readonly discoveryName?: string;
  readonly codeDeployAppName?: string;
  readonly codeDeployDeploymentGroupName?: string;
  private readonly containerPort: number;
  private readonly props: FargateServiceProps;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    markLibrary(this, "ecs-service");
    const where = `FargateService ${props.name}`;
    const deployment = props.deployment ?? DEFAULT_DEPLOYMENT;
    const desiredCount = props.desiredCount ?? 1;
    validateFargateSize(props.cpu, props.memory, where);
    validateContainer(props.container, where);
    validateSidecars(props.sidecars ?? [], props.container, where);
    if (props.egress?.mode === "none" && (props.additionalSecurityGroupIds ?? []).length === 0) {
      throw new RangeError(`${where}: egress mode "none" needs additionalSecurityGroupIds that allow egress; the tasks could not even pull their image`);
    }
    if (props.autoScaling) validateScaling(props.autoScaling, desiredCount, where);
    if (props.subnetIds.length === 0) throw new RangeError(`${where}: subnetIds must not be empty`);
    if (!Number.isInteger(props.logRetentionDays) || props.logRetentionDays < 1) throw new RangeError(`${where}: logRetentionDays must be a positive integer`);
    if (deployment.mode === "blueGreen") {
      if (!props.loadBalancer) throw new RangeError(`${where}: blue/green deployment needs a loadBalancer (its security group)`);
      if (props.loadBalancer.targetGroupArn !== undefined) {
        throw new RangeError(`${where}: in blue/green mode the service starts on deployment.blueTargetGroup; drop loadBalancer.targetGroupArn`);
      }
    } else if (props.loadBalancer && props.loadBalancer.targetGroupArn === undefined) {
      throw new RangeError(`${where}: loadBalancer.targetGroupArn is required in rolling mode`);
    }
    this.props = props;
    this.containerPort = props.container.port;
    const tags = (suffix?: string) => ({ ...props.tags, Name: suffix ? `${props.name}-${suffix}` : props.name });
    // IAM names are account-wide: prefixes keep a DR region of the same account from colliding.
    const iamPrefix = props.name.slice(0, 28);
    const region = new DataAwsRegion(this, "region");

    // --- Logs ----------------------------------------------------------------------------------
    let logGroup: ExistingLogGroup;
    if (props.existingLogGroup) {
      logGroup = props.existingLogGroup;
    } else {
      const own = new CloudwatchLogGroup(this, "logs", {
        name: `/ecs/${props.name}`,
        retentionInDays: props.logRetentionDays,
        kmsKeyId: props.logKmsKeyArn,
        tags: tags("logs"),
      });
      declareLogGroupKey(own, props.logKmsKeyArn);
      logGroup = { name: own.name, arn: own.arn };
    }
    this.logGroupName = logGroup.name;

    // --- Roles: the execution role starts the task, the task role is the application ------------
    const assume = serviceTrustPolicy(this, "ecs-tasks-assume", "ecs-tasks.amazonaws.com");
    const executionRole = new IamRole(this, "execution-role", { namePrefix: `${iamPrefix}-exec-`, assumeRolePolicy: assume.json, tags: tags("execution") });
    const secretArns = [...new Set(Object.values(props.container.secrets ?? {}).map((s) => s.secretArn))].sort();
    const execStatements: DataAwsIamPolicyDocumentStatement[] = [
      ...ecrPullStatements(props.ecrRepositoryArns ?? []),
      { sid: "WriteLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:*`] },
    ];
    if (secretArns.length > 0) {
      execStatements.push({ sid: "ReadSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: secretArns });
      if (props.secretsKmsKeyArn !== undefined) {
        execStatements.push({
          sid: "DecryptSecrets",
          effect: "Allow",
          actions: ["kms:Decrypt"],
          resources: [props.secretsKmsKeyArn],
          condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${props.secretsRegion ?? region.region}.amazonaws.com`] }],
        });
      }
    }
    const execDoc = new DataAwsIamPolicyDocument(this, "execution-policy-doc", { statement: execStatements });
    new IamRolePolicy(this, "execution-policy", { name: "start-task", role: executionRole.id, policy: execDoc.json });
    this.executionRoleArn = executionRole.arn;

    const taskRole = new IamRole(this, "task-role", { namePrefix: `${iamPrefix}-task-`, assumeRolePolicy: assume.json, tags: tags("task") });
    if (props.taskPolicyStatements && props.taskPolicyStatements.length > 0) {
      const taskDoc = new DataAwsIamPolicyDocument(this, "task-policy-doc", { statement: [...props.taskPolicyStatements] });
      new IamRolePolicy(this, "task-policy", { name: "application", role: taskRole.id, policy: taskDoc.json });
    }
    this.taskRoleArn = taskRole.arn;
    this.taskRoleName = taskRole.name;

    // --- Task definition -------------------------------------------------------------------------
    const taskDefinition = new EcsTaskDefinition(this, "task", {
      family: props.name,
      cpu: String(props.cpu),
      memory: String(props.memory),
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: props.cpuArchitecture ?? "X86_64" },
      executionRoleArn: executionRole.arn,
      taskRoleArn: taskRole.arn,
      containerDefinitions: renderContainerDefinitions(
        props.container,
        { logGroupName: logGroup.name, region: region.region, streamPrefix: props.name },
        props.sidecars ?? [],
      ),
      volume: (props.container.writablePaths ?? []).map((_, i) => ({ name: writableVolumeName(i) })),
      tags: tags("task"),
    });
    this.taskDefinitionArn = taskDefinition.arn;

    // --- Network -------------------------------------------------------------------------------
    const sg = new SecurityGroup(this, "sg", { name: `${props.name}-svc`, description: `ECS service ${props.name}`, vpcId: props.vpcId, tags: tags("svc") });
    this.securityGroupId = sg.id;
    const egress = props.egress ?? { mode: "anywhere" };
    const egressCidrs = egress.mode === "anywhere" ? ["0.0.0.0/0"] : egress.mode === "cidrs" ? egress.cidrs : [];
    egressCidrs.forEach((cidr, i) => {
      new VpcSecurityGroupEgressRule(this, `egress-${i}`, {
        securityGroupId: sg.id,
        ipProtocol: "-1",
        cidrIpv4: cidr,
        description: egress.mode === "anywhere" ? "Outbound (AWS APIs, data stores, NAT)" : "Outbound to allowed networks",
        tags: tags("egress"),
      });
    });
    if (props.loadBalancer) this.allowFrom("load-balancer", props.loadBalancer.securityGroupId, "From the load balancer");

    // --- Service discovery -----------------------------------------------------------------------
    let registry: ServiceDiscoveryService | undefined;
    if (props.serviceDiscovery) {
      const sd = props.serviceDiscovery;
      const dnsName = sd.name ?? props.name;
      registry = new ServiceDiscoveryService(this, "discovery", {
        name: dnsName,
        description: `Tasks of ${props.name}`,
        dnsConfig: { namespaceId: sd.namespaceId, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "A", ttl: sd.ttlSeconds ?? 10 }] },
        // ECS reports task health to Cloud Map: only healthy tasks are answered.
        healthCheckCustomConfig: {},
        tags: tags("discovery"),
      });
      this.discoveryName = `${dnsName}.${sd.namespaceName}`;
    }

    // --- Service -------------------------------------------------------------------------------
    const controller = deploymentControllerType(deployment);
    const targetGroupArn = deployment.mode === "blueGreen" ? deployment.blueTargetGroup.arn : props.loadBalancer?.targetGroupArn;
    const ignore = [...(controller === "CODE_DEPLOY" ? ["task_definition", "load_balancer"] : []), ...(props.autoScaling ? ["desired_count"] : [])];
    const service = new EcsService(this, "service", {
      name: props.name,
      cluster: props.cluster.clusterArn,
      taskDefinition: taskDefinition.arn,
      desiredCount,
      ...(props.capacityProviderStrategy
        ? {
            capacityProviderStrategy: props.capacityProviderStrategy.map((s) => ({
              capacityProvider: s.capacityProvider,
              weight: s.weight ?? 1,
              base: s.base ?? 0,
            })),
          }
        : { launchType: "FARGATE" }),
      platformVersion: props.platformVersion ?? "LATEST",
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [sg.id, ...(props.additionalSecurityGroupIds ?? [])], assignPublicIp: false },
      loadBalancer: targetGroupArn !== undefined ? [{ targetGroupArn, containerName: props.container.name, containerPort: props.container.port }] : undefined,
      healthCheckGracePeriodSeconds: props.loadBalancer ? (props.healthCheckGracePeriodSeconds ?? 60) : undefined,
      serviceRegistries: registry ? { registryArn: registry.arn } : undefined,
      deploymentController: { type: controller },
      ...(deployment.mode === "rolling"
        ? {
            deploymentCircuitBreaker: { enable: true, rollback: true },
            deploymentMinimumHealthyPercent: deployment.minimumHealthyPercent ?? 100,
            deploymentMaximumPercent: deployment.maximumPercent ?? 200,
          }
        : {}),
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      lifecycle: ignore.length > 0 ? { ignoreChanges: ignore } : undefined,
      tags: tags(),
    });
    this.serviceName = service.name;
    this.serviceArn = service.arn;

    if (deployment.mode === "blueGreen") {
      const names = this.blueGreen(props, deployment, tags);
      this.codeDeployAppName = names.app;
      this.codeDeployDeploymentGroupName = names.group;
    }
    if (props.autoScaling) this.autoScale(props, props.autoScaling, service);
  }

  /** Lets another security group (a caller service) reach the container port. */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    ingressFromSecurityGroup(this, `ingress-${id}`, {
      securityGroupId: this.securityGroupId,
      sourceSecurityGroupId,
      port: this.containerPort,
      description,
      tags: { ...this.props.tags, Name: `${this.props.name}-ingress-${id}` },
    });
  }

  private blueGreen(
    props: FargateServiceProps,
    d: Extract<DeploymentProps, { mode: "blueGreen" }>,
    tags: (suffix?: string) => Record<string, string>,
  ): { app: string; group: string } {
    const wait = d.terminationWaitMinutes ?? 5;
    if (!Number.isInteger(wait) || wait < 0 || wait > 2880) throw new RangeError(`FargateService ${props.name}: terminationWaitMinutes must be 0-2880`);
    const assume = serviceTrustPolicy(this, "codedeploy-assume", "codedeploy.amazonaws.com");
    const role = new IamRole(this, "codedeploy-role", {
      namePrefix: `${props.name.slice(0, 26)}-deploy-`,
      assumeRolePolicy: assume.json,
      tags: tags("codedeploy"),
    });
    new IamRolePolicyAttachment(this, "codedeploy-policy", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS" });
    const app = new CodedeployApp(this, "codedeploy-app", { name: props.name, computePlatform: "ECS", tags: tags("codedeploy") });
    const alarms = [...(d.rollbackAlarms ?? [])];
    const group = new CodedeployDeploymentGroup(this, "codedeploy-group", {
      appName: app.name,
      deploymentGroupName: props.name,
      serviceRoleArn: role.arn,
      deploymentConfigName: d.deploymentConfig ?? DEFAULT_BLUE_GREEN_CONFIG,
      deploymentStyle: { deploymentOption: "WITH_TRAFFIC_CONTROL", deploymentType: "BLUE_GREEN" },
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarmConfiguration: { enabled: alarms.length > 0, alarms },
      blueGreenDeploymentConfig: {
        deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
        terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: wait },
      },
      ecsService: { clusterName: props.cluster.clusterName, serviceName: this.serviceName },
      loadBalancerInfo: {
        targetGroupPairInfo: {
          prodTrafficRoute: { listenerArns: [d.listenerArn] },
          ...(d.testListenerArn !== undefined ? { testTrafficRoute: { listenerArns: [d.testListenerArn] } } : {}),
          targetGroup: [{ name: d.blueTargetGroup.name }, { name: d.greenTargetGroup.name }],
        },
      },
      tags: tags("codedeploy"),
    });
    return { app: app.name, group: group.deploymentGroupName };
  }

  private autoScale(props: FargateServiceProps, s: AutoScalingProps, service: EcsService): void {
    const target = new AppautoscalingTarget(this, "scaling-target", {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/${props.cluster.clusterName}/${service.name}`,
      minCapacity: s.min,
      maxCapacity: s.max,
    });
    const metrics: Array<[string, string, number | undefined]> = [
      ["cpu", "ECSServiceAverageCPUUtilization", s.targetCpuPercent ?? 70],
      ["memory", "ECSServiceAverageMemoryUtilization", s.targetMemoryPercent],
    ];
    for (const [key, metric, targetValue] of metrics) {
      if (targetValue === undefined) continue;
      new AppautoscalingPolicy(this, `scaling-${key}`, {
        name: `${props.name}-${key}-target`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          scaleInCooldown: s.scaleInCooldown ?? 300,
          scaleOutCooldown: s.scaleOutCooldown ?? 60,
          predefinedMetricSpecification: { predefinedMetricType: metric },
        },
      });
    }
  }
}
