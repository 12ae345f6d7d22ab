export type { BucketPolicyStatement, PolicyStatement } from "./bucket-policy";
export { type LifecycleRule, type LifecycleSettings, type LifecycleTransition, type TransitionStorageClass, validateLifecycle } from "./lifecycle";
export type { ReplicationProps } from "./replication";
export {
  type AlbLogTarget,
  type BucketEncryption,
  type CorsRule,
  type LogSource,
  type ObjectLock,
  type BucketGrantOptions,
  SecureBucket,
  type SecureBucketProps,
} from "./secure-bucket";
