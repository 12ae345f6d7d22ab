import type { StackBuilder } from "@infra/core";
import { RedisReplicationGroup } from "@infra/elasticache";
import type { TimelineCacheInputs } from "../inputs/cache";
import { buildTimelineKms } from "./kms";
import { buildTimelineNetwork } from "./network";
import { runbookCname } from "./runbook-record";

export interface TimelineCache {
  readonly cache: RedisReplicationGroup;
  /** Node ids (CacheClusterId dimension of the per-node metrics): "<group>-<shard 4 digits>-<node 3 digits>". */
  readonly nodeIds: readonly string[];
  readonly endpointName?: string;
  /** The IAM-authenticated user the application connects as (grantConnect). */
  readonly appUserName: string;
}

export const CACHE_RECORD = "cache";

/** ElastiCache's member cluster ids of a cluster-mode group. */
export function clusterModeNodeIds(groupId: string, shards: number, replicasPerShard: number): string[] {
  const out: string[] = [];
  for (let s = 1; s <= shards; s++) {
    for (let n = 1; n <= replicasPerShard + 1; n++) out.push(`${groupId}-${String(s).padStart(4, "0")}-${String(n).padStart(3, "0")}`);
  }
  return out;
}

export const buildTimelineCache: StackBuilder<TimelineCacheInputs, TimelineCache> = (stack, inputs, ctx) => {
  const { vpc, appSecurityGroupId, zone, ports } = ctx.dependencyOn("vpc", buildTimelineNetwork);
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const appUserName = `${inputs.name}-app`;
  const cache = new RedisReplicationGroup(stack, "redis", {
    replicationGroupId: inputs.name,
    description: "Timeline cache: pre-computed dimensional relationships, sessions, query results",
    engine: "redis",
    engineVersion: inputs.engineVersion,
    nodeType: inputs.nodeType,
    topology: { mode: "cluster", numNodeGroups: inputs.shards, replicasPerNodeGroup: inputs.replicasPerShard },
    kmsKeyArn: keys.data.keyArn,
    // The application signs in as this IAM user (no password to rotate or leak).
    auth: { mode: "iam", users: [{ userName: appUserName }] },
    // Isolated database subnets: the same tier (and network ACL) as RDS.
    subnetIds: vpc.databaseSubnetIds,
    vpcId: vpc.vpcId,
    port: ports.cache,
    allowedSecurityGroups: [{ securityGroupId: appSecurityGroupId, description: "Timeline application servers" }],
    parameters: { "maxmemory-policy": inputs.maxmemoryPolicy },
    snapshotRetentionDays: inputs.snapshotRetentionDays,
    snapshotWindow: ctx.settings.windows.backup,
    maintenanceWindow: ctx.settings.windows.cacheMaintenance,
    logs: { types: ["slow-log", "engine-log"], retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
    deletionProtection: inputs.deletionProtection,
  });
  const endpointName = zone ? runbookCname(stack, "cache-record", zone, CACHE_RECORD, cache.primaryEndpoint) : undefined;
  return { cache, nodeIds: clusterModeNodeIds(inputs.name, inputs.shards, inputs.replicasPerShard), endpointName, appUserName };
};
