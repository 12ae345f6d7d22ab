export { FargateCluster, type CapacityProviderStrategyItem, type FargateCapacityProvider, type FargateClusterProps } from "./cluster";
export {
  renderContainerDefinitions,
  secretValueFrom,
  type ContainerHealthCheck,
  type ContainerProps,
  type ContainerSecret,
  type LogSettings,
  type SidecarProps,
} from "./container";
export { DEFAULT_BLUE_GREEN_CONFIG, deploymentControllerType, type AutoScalingProps, type DeploymentProps, type TargetGroupRef } from "./deployment";
export { PrivateNamespace, type PrivateNamespaceProps } from "./namespace";
export {
  FargateService,
  type ClusterRef,
  type EgressProps,
  type ExistingLogGroup,
  type FargateServiceProps,
  type LoadBalancerAttachment,
  type ServiceDiscoveryProps,
} from "./service";
export { allowedFargateMemory, validateFargateSize } from "./task-size";
