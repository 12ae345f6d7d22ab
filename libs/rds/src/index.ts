export {
  type BackupReplicationProps,
  DatabaseInstance,
  type DatabaseInstanceProps,
  type EnhancedMonitoringInterval,
  type MasterCredentials,
  masterCredentialsOf,
} from "./database-instance";
export { type DatabaseBaseProps, type DatabaseInputs, type DatabasePlacement, databasePropsFromInputs } from "./from-inputs";
export { ROTATION_APPLICATIONS, RotationFunction, type RotationFunctionProps } from "./rotation";
export {
  type DbEngine,
  DEFAULT_LOG_EXPORTS,
  enginePort,
  isGravitonClass,
  LOG_EXPORTS,
  MAXIMUM_STORAGE_GB,
  minimumStorage,
  parameterGroupFamily,
  type StorageType,
  supportsPerformanceInsights,
  validateInstanceClass,
} from "./engine";
export { type EngineParameter, engineParameters } from "./parameters";
export {
  type FailoverHeader,
  type FailoverScope,
  type ReplicaFailoverPlan,
  type ReplicaPromotion,
  detachSecretReplica,
  dnsAnswerCheck,
  failoverHeader,
  failoverScope,
  failoverScriptPath,
  promoteReplicaSteps,
} from "./failover-steps";
export { AlternatingLogins, type AlternatingLoginsProps, alternatingLoginsErrors, LOGINS_SECRET_FORMAT } from "./logins/alternating-logins";
