import type { StackBuilder } from "@infra/core";
import { RedisReplicationGroup } from "@infra/elasticache";
import type { CacheInputs } from "../inputs/modules";
import { buildKms } from "./kms";
import { buildVpc } from "./vpc";

export interface CacheOutputs {
  readonly cache: RedisReplicationGroup;
  readonly appUser: string;
}

/**
 * ARC-005 ElastiCache Redis in the private subnets: CMK at rest, TLS required in transit, IAM
 * (RBAC) authentication, 6379 from sg-lambda only (the group is ARC-003's sg-elasticache).
 * 1 node in dev/staging; prod adds a replica with automatic failover.
 */
export const buildCache: StackBuilder<CacheInputs, CacheOutputs> = (stack, inputs, ctx) => {
  const network = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms).regions[ctx.deployment.region.name]!;
  const cache = new RedisReplicationGroup(stack, "cache", {
    replicationGroupId: inputs.replicationGroupId,
    description: "Aerologue cache: WebSocket registry, rate limits, leaderboards, sessions, hot positions",
    nodeType: inputs.nodeType,
    topology: { mode: "replicas", numCacheClusters: inputs.nodes },
    automaticFailover: inputs.automaticFailover,
    kmsKeyArn: keys.data.keyArn,
    auth: { mode: "iam", users: [{ userName: inputs.appUser }] },
    subnetIds: network.vpc.privateSubnetIds,
    vpcId: network.vpc.vpcId,
    allowedSecurityGroups: [{ securityGroupId: network.securityGroups.lambda, description: "Lambda functions (sg-lambda)" }],
    snapshotRetentionDays: inputs.snapshotRetentionDays,
    snapshotWindow: ctx.settings.windows.backup,
    maintenanceWindow: ctx.settings.windows.cacheMaintenance,
    logs: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
    deletionProtection: inputs.deletionProtection,
  });
  return { cache, appUser: inputs.appUser };
};
