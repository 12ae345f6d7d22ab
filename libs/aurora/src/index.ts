export { type ServerlessV2Scaling, validateServerlessCapacity } from "./capacity";
export { AuroraPostgresCluster, type AuroraPostgresClusterProps, type ClusterConnectOptions, type GlobalMembership, type MasterCredentials } from "./cluster";
export { AuroraGlobalDatabase, type AuroraGlobalDatabaseProps } from "./global";
export { DEFAULT_CLUSTER_PARAMETERS } from "./parameters";
export type { AllowedSecurityGroup } from "@infra/vpc";
