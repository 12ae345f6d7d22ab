export { ALL_LOG_TYPES, logGroupName, type SearchLogType } from "./logs";
export { DEFAULT_TLS_POLICY, SearchDomain, type SearchDomainProps } from "./search-domain";
export { validateTopology, type DedicatedMastersProps, type TopologyInput, type ZoneAwarenessProps } from "./topology";
