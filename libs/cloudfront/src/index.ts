export {
  type Behavior,
  Distribution,
  type DistributionProps,
  type Origin,
  type OrderedBehavior,
  type ViewerCertificate,
  validateDistributionProps,
} from "./distribution";
export {
  type CacheSetting,
  DAY,
  type KeyValues,
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  type ManagedOriginRequestPolicy,
  SEED_TTLS,
  oacBucketPolicyStatement,
} from "./policies";
export { FAILOVER_STATUS_CODES, type FailoverStatusCode, type OriginGroup, S3_FAILOVER_STATUS_CODES, originGroupErrors } from "./origin-group";
