import type { BuilderRegistry } from "@infra/core";
import { buildTimelineCache } from "./builders/cache";
import { buildTimelineCdn } from "./builders/cdn";
import { buildTimelineGovernance } from "./builders/governance";
import { buildTimelineKms } from "./builders/kms";
import { buildTimelineMonitoring } from "./builders/monitoring";
import { buildTimelineNetwork } from "./builders/network";
import { buildTimelineRds } from "./builders/rds";
import { buildTimelineStorage } from "./builders/storage";

export { CACHE_RECORD, clusterModeNodeIds, type TimelineCache } from "./builders/cache";
export type { TimelineCdn } from "./builders/cdn";
export type { TimelineGovernance } from "./builders/governance";
export type { TimelineKeys } from "./builders/kms";
export type { TimelineMonitoring } from "./builders/monitoring";
export type { TimelineNetwork } from "./builders/network";
export { READER_RECORD, WRITER_RECORD, type TimelineDatabase } from "./builders/rds";
export type { TimelineStorage } from "./builders/storage";
export { EPHEMERAL, TierNetworkAcls, tierAclEntries, type AclEntry } from "./constructs/network-acls";
export { failoverPlan, failoverScript, type FailoverPlan } from "./failover";

/** Stack builders of the timeline workload (seed 002), by the key modules name in `builder`. */
export const timelineBuilders: BuilderRegistry = {
  "timeline/kms": buildTimelineKms,
  "timeline/network": buildTimelineNetwork,
  "timeline/rds": buildTimelineRds,
  "timeline/cache": buildTimelineCache,
  "timeline/storage": buildTimelineStorage,
  "timeline/cdn": buildTimelineCdn,
  "timeline/monitoring": buildTimelineMonitoring,
  "timeline/governance": buildTimelineGovernance,
};
