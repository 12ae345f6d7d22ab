import type { StackBuilder } from "@infra/core";
import { EcsEc2Cluster } from "@infra/ecs";
import type { EcsInputs } from "../inputs/ecs";
import { buildKms } from "./kms";
import { platformTaskStatements } from "./task-access";
import { buildVpc } from "./vpc";

export interface ClusterOutputs {
  readonly cluster: EcsEc2Cluster;
}

export const buildEcs: StackBuilder<EcsInputs, ClusterOutputs> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms);
  const cluster = new EcsEc2Cluster(stack, "ecs", {
    name: inputs.name,
    vpcId: vpc.vpcId,
    subnetIds: vpc.privateSubnetIds,
    instanceType: inputs.instanceType,
    minSize: inputs.minInstances,
    maxSize: inputs.maxInstances,
    targetCapacityPercent: inputs.targetCapacityPercent,
    containerInsights: inputs.containerInsights,
    placement: inputs.placement,
    logRetentionDays: inputs.logRetentionDays,
    logKmsKeyArn: keys.logs.keyArn,
    ebsKmsKeyArn: keys.data.keyArn,
    hostAgent: { systemLogGroupName: inputs.systemLogGroupName },
    taskRoleStatements: platformTaskStatements({
      name: inputs.name,
      region: ctx.deployment.region.name,
      accountId: ctx.env.accountId,
      dataKeyArn: keys.data.keyArn,
    }),
    // The instances and volumes the ASG launches carry the deployment's tags (seed 004 tagging strategy).
    launchedResourceTags: ctx.deployment.provider.defaultTags,
  });
  return { cluster };
};
