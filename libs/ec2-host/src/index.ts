export { AL2023_AMI_PARAMETERS, DockerHost, type DockerHostProps, type RecoveryAlarmProps, type RootVolumeProps } from "./docker-host";
export { DEFAULT_EGRESS, type EgressRule, type IngressRule, type Peer } from "./rules";
export { defaultAgentConfig, renderUserData, type HostArchitecture, type UserDataOptions } from "./user-data";
