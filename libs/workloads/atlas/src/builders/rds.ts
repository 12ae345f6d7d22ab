import type { StackBuilder } from "@infra/core";
import { AlternatingLogins, DatabaseInstance, databasePropsFromInputs } from "@infra/rds";
import type { AtlasRdsInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";
import { buildAtlasVpc } from "./vpc";

export interface AtlasDatabase {
  readonly database: DatabaseInstance;
  /** RDS-managed master secret: the seed's "Database password" secret. */
  readonly passwordSecretArn: string;
  /** The services' alternating logins (ADR 0145, phase 2+): the secret they read instead of the master secret. */
  readonly appSecretArn?: string;
  readonly dataKeyArn: string;
}

/**
 * The seed's Database Configuration tables. No client security group here: the compute stack of the
 * phase (EC2 host, then ECS services) adds its own 5432 rule to this instance's group.
 */
export const buildAtlasRds: StackBuilder<AtlasRdsInputs, AtlasDatabase> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildAtlasVpc);
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const drKeys = inputs.backupReplication ? ctx.dependencyOn("drKms", buildAtlasKms) : undefined;
  const secretReplicaRegions = inputs.masterCredentials.mode === "rotated-secret" ? (inputs.masterCredentials.replicaRegions ?? []) : [];
  // ADR 0106: the master secret's replica in the DR region is encrypted with the data key there (the DR kms stack).
  const secretReplicaKeys = Object.fromEntries(secretReplicaRegions.map((region) => [region, ctx.dependencyOn("drKms", buildAtlasKms).data]));
  const database = new DatabaseInstance(stack, "rds", {
    ...databasePropsFromInputs(inputs, { windows: ctx.settings.windows, vpc, keys, secretReplicaKeys }),
    engine: "postgres",
    storageType: "gp3",
    readReplicas: inputs.readReplicas,
    performanceInsights: inputs.performanceInsights,
    enhancedMonitoringInterval: 0,
    dbName: inputs.dbName,
    allowedSecurityGroupIds: [],
    ...(inputs.backupReplication && drKeys
      ? {
          backupReplication: {
            destinationRegion: inputs.backupReplication.region,
            kmsKeyArn: drKeys.data.keyArn,
            retentionDays: inputs.backupReplication.retentionDays,
          },
        }
      : {}),
    tags: atlasTags("database"),
  });
  const logins = inputs.appLogins
    ? new AlternatingLogins(stack, "app-logins", {
        name: `${inputs.name}-db-logins`,
        region: ctx.deployment.region.name,
        database,
        dbname: inputs.dbName,
        username: inputs.appLogins.username,
        owner: inputs.appLogins.owner,
        secretName: inputs.appLogins.secretName,
        secretKmsKeyArn: keys.data.keyArn,
        kmsKeyArn: keys.logs.keyArn,
        rotationDays: inputs.appLogins.rotationDays,
        vpcId: vpc.vpcId,
        subnetIds: vpc.privateSubnetIds,
        logRetentionDays: inputs.logRetentionDays,
        // ADR 0106: the DR tasks read the replica; the failover script gives it the restored host.
        ...(secretReplicaRegions.length > 0
          ? { replicas: secretReplicaRegions.map((region) => ({ region, kmsKeyArn: secretReplicaKeys[region]!.keyArn })) }
          : {}),
        deletionProtection: inputs.deletionProtection,
        tags: atlasTags("database"),
      })
    : undefined;
  return { database, passwordSecretArn: database.masterUserSecretArn!, appSecretArn: logins?.secretArn, dataKeyArn: keys.data.keyArn };
};
