import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { type StackBuilder, requirePrerequisite } from "@infra/core";
import { Repository } from "@infra/ecr";
import { LogGroup } from "@infra/monitoring";
import type { AppInputs } from "../inputs/app";
import { buildEcs } from "./ecs";
import { buildIngress } from "./ingress";
import { buildKms } from "./kms";
import { buildVpc } from "./vpc";

/** The container's name in the task definition, which the service's load_balancer block names. */
export const APP_CONTAINER = "app";

export interface AppOutputs {
  readonly serviceName: string;
  readonly clusterName: string;
  /** TargetGroup dimension of the ALB's per-target-group metrics. */
  readonly targetGroupArnSuffix: string;
  /** LoadBalancer dimension of the ingress ALB's metrics. */
  readonly loadBalancerArnSuffix: string;
  readonly healthCheckPath: string;
  /** Seed 004's application log group (the log shipping subscribes to it). */
  readonly logGroupName: string;
}

/**
 * The platform's application service (seed 004 layer 3 "Outputs Used By: Load balancers, other services"):
 * an ECS service on the EC2 cluster's capacity provider, bridge networking with dynamic host ports (the
 * range the ingress already opens to the ALB), registered in an instance target group that the ingress
 * ALB's HTTPS listener forwards every path to, health-checked on `healthCheckPath`. Its desired count is
 * target-tracked on ECSServiceAverageCPUUtilization (seed 004: 70 %, +1 after 5 min, -1 after 15 min);
 * the cluster's managed scaling adds and removes the instances the tasks need (ADR 0095).
 */
export const buildApp: StackBuilder<AppInputs, AppOutputs> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildVpc);
  const { cluster } = ctx.dependencyOn("ecs", buildEcs);
  const { alb } = ctx.dependencyOn("ingress", buildIngress);
  const keys = ctx.dependencyOn("kms", buildKms);
  const region = ctx.deployment.region.name;
  const name = `${inputs.name}-app`;

  const logs = new LogGroup(stack, "application-logs", {
    name: inputs.logGroupName,
    retentionDays: inputs.logRetentionDays,
    kmsKeyArn: keys.logs.keyArn,
  });

  const repository = new Repository(stack, "repository", { name, kmsKeyArn: keys.data.keyArn, deletionProtection: inputs.deletionProtection });
  requirePrerequisite(stack, {
    requirement: { kind: "ecr-image", repository: name, tag: inputs.imageTag },
    createdHere: true,
    neededAt: "runtime",
    reason: `the platform service runs ${name}:${inputs.imageTag} (services/app imageTag), built for the cluster's CPU architecture (arm64 on Graviton types); the release pushes it. Until then its tasks fail to start and the target group has no healthy target`,
  });

  // Bridge mode on EC2: the agent pulls the image and the awslogs driver writes with the cluster's execution role
  // (AmazonECSTaskExecutionRolePolicy: ECR pull, log events; the instance role has the same as a fallback);
  // the application runs with the cluster's task role (seed 004: S3, DynamoDB, Secrets Manager).
  const task = new EcsTaskDefinition(stack, "task", {
    family: name,
    networkMode: "bridge",
    requiresCompatibilities: ["EC2"],
    executionRoleArn: cluster.taskExecutionRoleArn,
    taskRoleArn: cluster.taskRoleArn,
    containerDefinitions: JSON.stringify([
      {
        name: APP_CONTAINER,
        image: `${repository.repositoryUrl}:${inputs.imageTag}`,
        essential: true,
        cpu: inputs.cpu,
        memory: inputs.memoryLimitMiB,
        memoryReservation: inputs.memoryReservationMiB,
        // hostPort 0: Docker picks one of the ephemeral ports (32768-65535) and ECS registers it in the target group.
        portMappings: [{ containerPort: inputs.containerPort, hostPort: 0, protocol: "tcp" }],
        readonlyRootFilesystem: true,
        privileged: false,
        mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": inputs.logGroupName, "awslogs-region": region, "awslogs-stream-prefix": APP_CONTAINER },
        },
      },
    ]),
    volume: [{ name: "tmp" }],
    dependsOn: [logs.resource],
  });

  const targetGroup = new LbTargetGroup(stack, "target-group", {
    name,
    // Instance targets: ECS registers each task's instance with its dynamic host port; this port is only the default.
    targetType: "instance",
    port: inputs.containerPort,
    protocol: "HTTP",
    vpcId: vpc.vpcId,
    deregistrationDelay: "30",
    healthCheck: {
      enabled: true,
      path: inputs.healthCheckPath,
      port: "traffic-port",
      protocol: "HTTP",
      matcher: "200",
      interval: 30,
      timeout: 5,
      healthyThreshold: 3,
      unhealthyThreshold: 3,
    },
    tags: { Name: name },
  });
  // Every path on the HTTPS listener (the default action stays a 404 for nothing else): the ALB's own
  // hostname reaches the service too, which is what prod's Route 53 health check probes.
  const rule = new LbListenerRule(stack, "listener-rule", {
    listenerArn: alb.httpsListenerArn,
    priority: inputs.listenerRulePriority,
    action: [{ type: "forward", targetGroupArn: targetGroup.arn }],
    condition: [{ pathPattern: { values: ["/*"] } }],
    tags: { Name: name },
  });

  const service = new EcsService(stack, "service", {
    name,
    cluster: cluster.clusterArn,
    taskDefinition: task.arn,
    desiredCount: inputs.scaling.minTasks,
    capacityProviderStrategy: cluster.capacityProviderStrategy.map((s) => ({ capacityProvider: s.capacityProvider, weight: s.weight, base: s.base })),
    // The cluster's placement: spread over AZs then instances in prod (seed 004), binpack on memory elsewhere.
    orderedPlacementStrategy: cluster.defaultPlacementStrategy.map((s) => ({ type: s.type, field: s.field })),
    loadBalancer: [{ targetGroupArn: targetGroup.arn, containerName: APP_CONTAINER, containerPort: inputs.containerPort }],
    healthCheckGracePeriodSeconds: 60,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    enableEcsManagedTags: true,
    propagateTags: "SERVICE",
    // Application Auto Scaling owns the desired count after the first apply.
    lifecycle: { ignoreChanges: ["desired_count"] },
    // ECS refuses a target group that no listener uses yet.
    dependsOn: [rule],
    tags: { Name: name },
  });

  const s = inputs.scaling;
  const target = new AppautoscalingTarget(stack, "scaling-target", {
    serviceNamespace: "ecs",
    scalableDimension: "ecs:service:DesiredCount",
    resourceId: `service/${cluster.clusterName}/${service.name}`,
    minCapacity: s.minTasks,
    maxCapacity: s.maxTasks,
  });
  new AppautoscalingPolicy(stack, "scaling-cpu", {
    name: `${name}-cpu-${s.targetCpuPercent}`,
    policyType: "TargetTrackingScaling",
    serviceNamespace: target.serviceNamespace,
    scalableDimension: target.scalableDimension,
    resourceId: target.resourceId,
    targetTrackingScalingPolicyConfiguration: {
      predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
      targetValue: s.targetCpuPercent,
      scaleOutCooldown: s.scaleOutCooldownSeconds,
      scaleInCooldown: s.scaleInCooldownSeconds,
    },
  });

  return {
    serviceName: service.name,
    clusterName: cluster.clusterName,
    targetGroupArnSuffix: targetGroup.arnSuffix,
    loadBalancerArnSuffix: alb.arnSuffix,
    healthCheckPath: inputs.healthCheckPath,
    logGroupName: logs.logGroupName,
  };
};
