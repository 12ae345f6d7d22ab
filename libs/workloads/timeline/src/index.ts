import type { BuilderRegistry } from "@infra/core";
import { buildTimelineApp } from "./builders/app";
import { buildTimelineCache } from "./builders/cache";
import { buildTimelineCdn } from "./builders/cdn";
import { buildTimelineEcr } from "./builders/ecr";
import { buildTimelineGovernance } from "./builders/governance";
import { buildTimelineKms } from "./builders/kms";
import { buildTimelineMonitoring } from "./builders/monitoring";
import { buildTimelineNetwork } from "./builders/network";
import { buildTimelineRds } from "./builders/rds";
import { buildTimelineStorage } from "./builders/storage";
import { buildTimelineZone } from "./builders/zone";

export { appTaskStatements, XRAY_DAEMON_ADDRESS, type TimelineApp } from "./builders/app";
export type { TimelineRegistry } from "./builders/ecr";
export type { TimelineZone } from "./builders/zone";
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
  "timeline/zone": buildTimelineZone,
  "timeline/ecr": buildTimelineEcr,
  "timeline/app": buildTimelineApp,
};
