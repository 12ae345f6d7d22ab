export { LambdaAlias, type LambdaAliasProps } from "./alias";
export { type FileCode, type ImageCode, type LambdaCode, type S3Code } from "./code";
export { InlineCodeAsset, type InlineCodeAssetProps, deterministicZip } from "./inline-code";
export { setupFunction, type SetupFunctionProps } from "./setup-function";
export { validateEnvironment } from "./environment";
export {
  type DeadLetterTarget,
  type LambdaArchitecture,
  LambdaFunction,
  type LambdaFunctionProps,
  type LambdaLogging,
  type SqsEventSourceProps,
  type VpcPlacement,
  validateLambdaFunctionProps,
} from "./function";
export { LambdaLayer, type LambdaLayerProps } from "./layer";
export { type Grantable, type LambdaTarget, type PolicyStatement, permissionStatementId, toDocumentStatement } from "./policy";
export { subMinuteDefinition, validateSubMinuteInterval } from "./sub-minute-definition";
export { stateMachineRoleStatements } from "./state-machine-statements";
export { SubMinuteSchedule, type SubMinuteScheduleProps, VENDED_LOG_DELIVERY_ACTIONS } from "./sub-minute-schedule";
export {
  LAMBDA_RUNTIMES,
  type LambdaRuntime,
  validateFunctionName,
  validateMemorySize,
  validateReservedConcurrency,
  validateRuntime,
  validateTimeout,
} from "./validate";
export { TracingSamplingRule, type TracingSamplingRuleProps } from "./sampling-rule";
