import type { BuilderRegistry } from "@infra/core";
import { workloadBuilders } from "@infra/workload-shared";
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
export { CACHE_RECORD, clusterModeNodeIds, type TimelineCache } from "./builders/cache";
export { READER_RECORD, WRITER_RECORD, type TimelineDatabase } from "./builders/rds";
export { EPHEMERAL, TierNetworkAcls, tierAclEntries, type AclEntry } from "./constructs/network-acls";
export { failoverPlan, failoverScript, type FailoverPlan } from "./failover";

/** Stack builders of the timeline workload (seed 002), by the key modules name in `builder`. */
export const timelineBuilders: BuilderRegistry = workloadBuilders("timeline", {
  kms: buildTimelineKms,
  network: buildTimelineNetwork,
  rds: buildTimelineRds,
  cache: buildTimelineCache,
  storage: buildTimelineStorage,
  cdn: buildTimelineCdn,
  monitoring: buildTimelineMonitoring,
  governance: buildTimelineGovernance,
  zone: buildTimelineZone,
  ecr: buildTimelineEcr,
  app: buildTimelineApp,
});
