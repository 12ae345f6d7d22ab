import { ecsInputs } from "@infra/platform-inputs";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { platformModule } from "../workload";

/**
 * _envcommon/platform/services/ecs-cluster.hcl: ECS on EC2 per seed 004. Defaults are dev's row (t3.micro,
 * 1-3 instances per the Scaling section); envs override type and counts.
 */
export const ecsCluster = platformModule("services/ecs-cluster", {
  builder: "ecs",
  schema: ecsInputs,
  // Seed 004 resource tags over the workload's (ADR 0070): the seed's EBS snapshots of the container instances.
  tags: { service: "ecs", backupRequired: true },
  dependencies: {
    vpc,
    kms,
  },
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-platform`,
    instanceType: "t3.micro",
    minInstances: 1,
    maxInstances: 3,
    targetCapacityPercent: 70,
    containerInsights: settings.containerInsights,
    placement: "any" as const,
    logRetentionDays: settings.logRetentionDays,
    // Seed 004's log group name: one platform cluster per env account and region owns it.
    systemLogGroupName: "/aws/ec2/system",
  }),
});
