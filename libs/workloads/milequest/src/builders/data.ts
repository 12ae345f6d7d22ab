import { AuroraGlobalDatabase, AuroraPostgresCluster } from "@infra/aurora";
import type { StackBuilder } from "@infra/core";
import { Table } from "@infra/dynamodb";
import { ServerlessCache } from "@infra/elasticache";
import { SecureBucket } from "@infra/s3";
import { auroraPlacementProps, logBucket } from "@infra/workload-shared";
import type { AuroraInputs, CacheInputs, DynamodbInputs, S3Inputs } from "../inputs";
import { buildVpc } from "./network";
import { buildKms, buildSecrets } from "./security";

export interface DatabaseOutputs {
  readonly cluster: AuroraPostgresCluster;
  /** The global database (prod): the DR region's secondary joins it. */
  readonly globalClusterIdentifier?: string;
  readonly databaseName: string;
}

/**
 * Seed 003 "Aurora Serverless v2 PostgreSQL + PostGIS": writer + reader(s) (write path and read
 * path), CMK-encrypted ("Aurora Encryption"), reachable only from the Lambda security group. In
 * prod the cluster is the primary of a global database whose secondary is the DR replica.
 * PostGIS is an extension of Aurora PostgreSQL: the application's migration runs CREATE EXTENSION.
 */
export const buildAurora: StackBuilder<AuroraInputs, DatabaseOutputs> = (stack, inputs, ctx) => {
  const { vpc, lambdaSecurityGroupId } = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms);
  const common = {
    clusterIdentifier: inputs.name,
    engineVersion: inputs.engineVersion,
    scaling: { minCapacity: inputs.minAcu, maxCapacity: inputs.maxAcu },
    instances: inputs.instances,
    ...auroraPlacementProps(inputs, {
      windows: ctx.settings.windows,
      vpc,
      keys: { data: keys.aurora, logs: keys.logs },
      clients: [{ securityGroupId: lambdaSecurityGroupId, description: "Mile Quest Lambda functions" }],
    }),
  };
  if (inputs.global === "secondary") {
    const primary = ctx.dependencyOn("primary", buildAurora);
    const cluster = new AuroraPostgresCluster(stack, "aurora", {
      ...common,
      global: {
        role: "secondary",
        globalClusterIdentifier: primary.globalClusterIdentifier!,
        sourceRegion: ctx.env.regions.find((r) => r.role === "primary")!.name,
      },
    });
    return { cluster, globalClusterIdentifier: primary.globalClusterIdentifier!, databaseName: primary.databaseName };
  }
  if (inputs.global === "primary") {
    const secrets = ctx.dependencyOn("secrets", buildSecrets);
    if (!secrets.auroraMaster) throw new Error(`${ctx.deployment.id}: a global primary needs the secrets deployment's auroraMasterPassword: true`);
    const global = new AuroraGlobalDatabase(stack, "global", {
      globalClusterIdentifier: `${inputs.name}-global`,
      engineVersion: inputs.engineVersion,
      databaseName: inputs.databaseName,
      deletionProtection: inputs.deletionProtection,
    });
    const cluster = new AuroraPostgresCluster(stack, "aurora", {
      ...common,
      databaseName: inputs.databaseName,
      masterCredentials: { mode: "secret", secret: secrets.auroraMaster },
      global: { role: "primary", globalClusterIdentifier: global.globalClusterIdentifier },
    });
    return { cluster, globalClusterIdentifier: global.globalClusterIdentifier, databaseName: inputs.databaseName };
  }
  const cluster = new AuroraPostgresCluster(stack, "aurora", { ...common, databaseName: inputs.databaseName, masterCredentials: { mode: "rds-managed" } });
  return { cluster, databaseName: inputs.databaseName };
};

export interface CacheOutputs {
  readonly cache: ServerlessCache;
  /** The IAM-authenticated Redis user the functions connect as. */
  readonly userName: string;
}

/** Seed 003 "ElastiCache Serverless Redis": the read-path cache and real-time pub/sub, IAM auth, TLS, CMK. */
export const buildCache: StackBuilder<CacheInputs, CacheOutputs> = (stack, inputs, ctx) => {
  const { vpc, lambdaSecurityGroupId } = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms);
  const userName = `${inputs.name}-app`.slice(0, 40).replace(/-$/, "");
  const cache = new ServerlessCache(stack, "cache", {
    name: inputs.name,
    dailySnapshotTime: ctx.settings.windows.backup.start,
    engine: "redis",
    kmsKeyArn: keys.app.keyArn,
    subnetIds: vpc.databaseSubnetIds.slice(0, 3),
    vpcId: vpc.vpcId,
    allowedSecurityGroups: [{ securityGroupId: lambdaSecurityGroupId, description: "Mile Quest Lambda functions" }],
    usageLimits: { maxDataStorageGb: inputs.maxDataStorageGb, maxEcpuPerSecond: inputs.maxEcpuPerSecond },
    snapshotRetentionDays: inputs.snapshotRetentionDays,
    auth: { mode: "iam", users: [{ userName }] },
    deletionProtection: inputs.deletionProtection,
  });
  return { cache, userName };
};

export interface TableOutputs {
  /** Seed 003 "Sessions": refresh sessions by id, expiring by TTL. */
  readonly sessions: Table;
  /** Seed 003 "Real-time": WebSocket connections and live team progress; its stream feeds Redis pub/sub. */
  readonly realtime: Table;
}

export const buildDynamodb: StackBuilder<DynamodbInputs, TableOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const replicas = inputs.replicaRegions.map((region) => ({ region, kmsKeyArn: ctx.dependencyOn(`kms-${region}`, buildKms).app.keyArn }));
  const common = {
    kmsKeyArn: keys.app.keyArn,
    deletionProtection: inputs.deletionProtection,
    pointInTimeRecoveryDays: inputs.pointInTimeRecoveryDays,
    ttlAttribute: "expiresAt",
    replicas,
  };
  const sessions = new Table(stack, "sessions", {
    ...common,
    name: `${inputs.name}-sessions`,
    partitionKey: { name: "sessionId", type: "S" },
    globalSecondaryIndexes: [{ name: "byUser", partitionKey: { name: "userId", type: "S" }, projection: "KEYS_ONLY" }],
  });
  const realtime = new Table(stack, "realtime", {
    ...common,
    name: `${inputs.name}-realtime`,
    partitionKey: { name: "pk", type: "S" },
    sortKey: { name: "sk", type: "S" },
    globalSecondaryIndexes: [{ name: "byConnection", partitionKey: { name: "connectionId", type: "S" }, projection: "KEYS_ONLY" }],
    stream: "NEW_AND_OLD_IMAGES",
  });
  return { sessions, realtime };
};

export interface StorageOutputs {
  /** Seed 003 "S3: User Data". */
  readonly userData: SecureBucket;
  /** Seed 003 "S3 Data Lake" (analytics path). */
  readonly dataLake: SecureBucket;
  /** Server access logs of both (SSE-S3: S3 log delivery cannot write SSE-KMS). */
  readonly accessLogs: SecureBucket;
}

/** User data and data lake buckets; in prod replicated to the DR region's buckets (seed 003 "S3 Cross-Region Replication"). */
export const buildS3: StackBuilder<S3Inputs, StorageOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const dr = inputs.replicateToDr ? { storage: ctx.dependencyOn("replica", buildS3), keys: ctx.dependencyOn("replica-kms", buildKms) } : undefined;
  const accessLogs = logBucket(stack, "access-logs", {
    bucketName: `${inputs.name}-access-logs`,
    logSources: ["s3-access-logs"],
    accountId: ctx.env.accountId,
    expiration: { ruleId: "expire", days: inputs.accessLogExpirationDays },
    deletionProtection: inputs.deletionProtection,
  });
  const bucket = (id: "user-data" | "data-lake", lifecycleRules: ConstructorParameters<typeof SecureBucket>[2]["lifecycleRules"], replicaArn?: string) =>
    new SecureBucket(stack, id, {
      bucketName: `${inputs.name}-${id}`,
      encryption: { mode: "kms", kmsKeyArn: keys.s3.keyArn },
      accessLogs: { targetBucketName: accessLogs.bucketName },
      lifecycleRules,
      deletionProtection: inputs.deletionProtection,
      ...(dr && replicaArn
        ? {
            replication: {
              destinationBucketArn: replicaArn,
              destinationKmsKeyArn: dr.keys.s3.keyArn,
              roleName: `${inputs.name}-${id}-replication`.slice(0, 64),
            },
          }
        : {}),
    });
  const userData = bucket(
    "user-data",
    [{ id: "to-ia", transitions: [{ storageClass: "STANDARD_IA", days: inputs.userDataIaDays }] }],
    dr?.storage.userData.bucketArn,
  );
  const dataLake = bucket(
    "data-lake",
    [{ id: "to-glacier-ir", transitions: [{ storageClass: "GLACIER_IR", days: inputs.dataLakeGlacierDays }] }],
    dr?.storage.dataLake.bucketArn,
  );
  return { userData, dataLake, accessLogs };
};
