import { instanceFamily } from "./ami";
import type { EcsEc2ClusterProps } from "./ecs-ec2-cluster";
import type { PlacementMode } from "./placement";

export interface ResolvedClusterProps {
  readonly desiredCapacity: number;
  readonly targetCapacityPercent: number;
  readonly scalingStepSize: number;
  readonly instanceWarmupSeconds: number;
  readonly ebsVolumeSize: number;
  readonly placement: PlacementMode;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Applies defaults and checks sizes, scaling and placement before any resource is made. */
export function validateClusterProps(props: EcsEc2ClusterProps): ResolvedClusterProps {
  const errors: string[] = [];
  // Role names add "-ecs-task-execution" (19 characters) within IAM's 64.
  if (!NAME.test(props.name) || props.name.length > 40) {
    errors.push(`name "${props.name}" must be lower-case letters, digits and single hyphens, start with a letter, at most 40 characters`);
  }
  if (/^(aws|ecs|fargate)/i.test(props.name))
    errors.push(`name "${props.name}" may not start with aws, ecs or fargate (ECS reserves them for capacity provider names)`);
  try {
    instanceFamily(props.instanceType);
  } catch (e) {
    errors.push((e as Error).message);
  }
  if (props.subnetIds.length === 0) errors.push("subnetIds is empty: give the private subnets the instances run in");
  const placement = props.placement ?? "any";
  if (placement === "spread" && props.subnetIds.length < 2) {
    errors.push(`placement "spread" needs subnets in at least 2 AZs (got ${props.subnetIds.length})`);
  }
  const desiredCapacity = props.desiredCapacity ?? props.minSize;
  if (!Number.isInteger(props.minSize) || props.minSize < 0) errors.push(`minSize ${props.minSize} must be a whole number >= 0`);
  if (!Number.isInteger(props.maxSize) || props.maxSize < 1 || props.maxSize < props.minSize) {
    errors.push(`maxSize ${props.maxSize} must be a whole number >= 1 and >= minSize (${props.minSize})`);
  }
  if (!Number.isInteger(desiredCapacity) || desiredCapacity < props.minSize || desiredCapacity > props.maxSize) {
    errors.push(`desiredCapacity ${desiredCapacity} must be between minSize (${props.minSize}) and maxSize (${props.maxSize})`);
  }
  const targetCapacityPercent = props.targetCapacityPercent ?? 70;
  if (!Number.isInteger(targetCapacityPercent) || targetCapacityPercent < 1 || targetCapacityPercent > 100) {
    errors.push(`targetCapacityPercent ${targetCapacityPercent} must be 1..100`);
  }
  const scalingStepSize = props.scalingStepSize ?? 1;
  if (!Number.isInteger(scalingStepSize) || scalingStepSize < 1 || scalingStepSize > 10000) errors.push(`scalingStepSize ${scalingStepSize} must be 1..10000`);
  const instanceWarmupSeconds = props.instanceWarmupSeconds ?? 300;
  if (!Number.isInteger(instanceWarmupSeconds) || instanceWarmupSeconds < 0 || instanceWarmupSeconds > 10000) {
    errors.push(`instanceWarmupSeconds ${instanceWarmupSeconds} must be 0..10000`);
  }
  const ebsVolumeSize = props.ebsVolumeSize ?? 30;
  if (!Number.isInteger(ebsVolumeSize) || ebsVolumeSize < 30 || ebsVolumeSize > 16384) {
    errors.push(`ebsVolumeSize ${ebsVolumeSize} GiB must be 30..16384 (the ECS-optimized AL2023 AMI's snapshot is 30 GiB)`);
  }
  if (errors.length > 0) throw new Error(`EcsEc2Cluster ${props.name}:\n  - ${errors.join("\n  - ")}`);
  return { desiredCapacity, targetCapacityPercent, scalingStepSize, instanceWarmupSeconds, ebsVolumeSize, placement };
}
