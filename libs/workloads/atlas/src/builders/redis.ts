import type { StackBuilder } from "@infra/core";
import { RedisReplicationGroup } from "@infra/elasticache";
import type { AtlasRedisInputs } from "../inputs/modules";
import type { ServiceName } from "../inputs/phase";
import { atlasTags } from "./common";
import { replicaArn } from "./replica";
import { buildAtlasKms } from "./kms";
import { buildAtlasSecrets } from "./secrets";
import { buildAtlasVpc } from "./vpc";

export interface AtlasCache {
  readonly primaryEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  /** Services that connect (the compute stack adds their security group rules). */
  readonly clients: readonly ServiceName[];
  /** Secret holding the AUTH token (the whole secret string): the services' REDIS_PASSWORD. */
  readonly authTokenSecretArn: string;
}

/**
 * Phase 2+: ElastiCache Redis replaces the compose redis container (seed "ElastiCache Redis" table).
 * TLS required, AUTH token from the secrets stack: the services "consume env vars only", so they
 * log in with a password from ECS `secrets`, no SDK (docs/adr/0100-atlas-service-credentials.md).
 */
export const buildAtlasRedis: StackBuilder<AtlasRedisInputs, AtlasCache> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const { vpc } = ctx.dependencyOn("vpc", buildAtlasVpc);
  const secrets = ctx.dependencyOn("secrets", buildAtlasSecrets);
  const primaryToken = secrets.redisAuthToken;
  if (!primaryToken)
    throw new Error(`${stack.node.path}: atlas-security/secrets has no redisAuthToken; the cache needs one (set secrets.redisAuthToken when redis is enabled)`);
  // A DR copy (ADR 0106) authenticates with the token's replica in its own region: the same token as the primary.
  const here = ctx.deployment.region.name;
  const token = inputs.authTokenReplicaOf
    ? { ...primaryToken, arn: replicaArn(stack, "auth-token-replica-arn", primaryToken.arn, inputs.authTokenReplicaOf.primaryRegion, here) }
    : primaryToken;
  const cache = new RedisReplicationGroup(stack, "redis", {
    replicationGroupId: inputs.replicationGroupId,
    description: "AccountabilityAtlas cache (seed 001)",
    engine: "redis",
    nodeType: inputs.nodeType,
    topology: { mode: "replicas", numCacheClusters: inputs.nodes },
    kmsKeyArn: keys.data.keyArn,
    auth: { mode: "token", secretArn: token.arn, secretName: token.name, updateStrategy: inputs.authTokenUpdateStrategy },
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
  return {
    primaryEndpoint: cache.primaryEndpoint,
    port: cache.port,
    securityGroupId: cache.securityGroupId,
    clients: inputs.clients,
    authTokenSecretArn: token.arn,
  };
};
