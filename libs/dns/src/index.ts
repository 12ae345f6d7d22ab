export { Certificate, type CertificateProps } from "./certificate";
export { HEALTH_CHECK_REGIONS, HealthCheck, type HealthCheckProps, validateHealthCheckProps } from "./health-check";
export { HostedZone, type HostedZoneProps, type QueryLogging, type ZoneDelegation } from "./hosted-zone";
export {
  AliasRecord,
  type AliasRecordProps,
  type FailoverEndpoint,
  FailoverRecordSet,
  type FailoverRecordSetProps,
  type GeolocationEndpoint,
  GeolocationRecord,
  type GeolocationRecordProps,
  type LatencyEndpoint,
  LatencyRecord,
  type LatencyRecordProps,
  Record,
  type RecordProps,
  type RoutedRecordSetProps,
  TargetRecord,
  type TargetRecordProps,
  validateFailoverRecordSet,
} from "./records";
export { type AliasTarget, type RecordTarget } from "./target";

/** CloudFront's fixed hosted zone id, for alias records to any distribution. */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";
export { DnssecSigningKey, type DnssecSigningKeyProps } from "./dnssec-key";
export { type ZoneRef, zoneDelegationOf } from "./delegation";
