export { type CacheAuth, DEFAULT_ACCESS_STRING, type IamCacheUser } from "./auth";
export type { CacheConnectOptions } from "./grant";
export { type CacheEngine, DEFAULT_ENGINE_VERSION, parameterGroupFamily } from "./engine";
export {
  type CacheLogs,
  type CacheLogType,
  type CacheTopology,
  type PolicyStatement,
  RedisReplicationGroup,
  type RedisReplicationGroupProps,
} from "./replication-group";
export type { AllowedSecurityGroup } from "@infra/vpc";
export type { CacheCommonProps } from "./cache-construct";
export { ServerlessCache, type ServerlessCacheProps, type ServerlessUsageLimits } from "./serverless-cache";
