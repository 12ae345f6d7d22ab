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
