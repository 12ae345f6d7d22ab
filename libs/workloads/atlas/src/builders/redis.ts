import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { StackBuilder } from "@infra/core";
import { RedisReplicationGroup } from "@infra/elasticache";
import { documentStatements } from "@infra/iam";
import type { AtlasRedisInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import type { AtlasKeys } from "./kms";
import type { AtlasNetwork } from "./vpc";

export interface AtlasCache {
  readonly primaryEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  /** IAM user name and elasticache:Connect statements per client service. */
  readonly users: Readonly<Record<string, { readonly userName: string; readonly statements: DataAwsIamPolicyDocumentStatement[] }>>;
}

/** Phase 2+: ElastiCache Redis replaces the compose redis container (seed "ElastiCache Redis" table). */
export const buildAtlasRedis: StackBuilder<AtlasRedisInputs, AtlasCache> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<AtlasKeys>("kms");
  const { vpc } = ctx.dependency<AtlasNetwork>("vpc");
  const userName = (service: string) => `${inputs.replicationGroupId}-${service}`.slice(0, 40);
  const cache = new RedisReplicationGroup(stack, "redis", {
    replicationGroupId: inputs.replicationGroupId,
    description: "AccountabilityAtlas cache (seed 001)",
    engine: "redis",
    nodeType: inputs.nodeType,
    topology: { mode: "replicas", numCacheClusters: inputs.nodes },
    kmsKeyArn: keys.data.keyArn,
    auth: { mode: "iam", users: inputs.clients.map((s) => ({ userName: userName(s) })) },
    // Seed phase 1: "maxmemory-policy allkeys-lru" (a cache that rebuilds on restart).
    parameters: { "maxmemory-policy": "allkeys-lru" },
    subnetIds: vpc.databaseSubnetIds,
    vpcId: vpc.vpcId,
    logs: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
    snapshotWindow: ctx.settings.windows.backup,
    maintenanceWindow: ctx.settings.windows.cacheMaintenance,
    deletionProtection: inputs.deletionProtection,
    tags: atlasTags("cache"),
  });
  const users = Object.fromEntries(inputs.clients.map((s) => [s, { userName: userName(s), statements: documentStatements((g) => cache.grantConnect(g, { userName: userName(s) })) }]));
  return { primaryEndpoint: cache.primaryEndpoint, port: cache.port, securityGroupId: cache.securityGroupId, users };
};
