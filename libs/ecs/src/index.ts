export { ecsOptimizedAmiParameter, instanceFamily, isGravitonInstanceType } from "./ami";
export { EcsEc2Cluster, type EcsEc2ClusterProps } from "./ecs-ec2-cluster";
export { type IamStatement, statementErrors } from "./iam-statement";
export { type PlacementMode, type PlacementStrategy, placementStrategy } from "./placement";
export { ecsUserData } from "./user-data";
export { type HostDiskMetric, HOST_LOG_FILES, hostAgentConfig, hostDiskMetric, hostMemoryMetric } from "./host-agent";
