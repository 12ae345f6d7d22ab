import type { StackBuilder } from "@infra/core";
import { DatabaseInstance, masterCredentialsOf } from "@infra/rds";
import type { AtlasRdsInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import type { AtlasKeys } from "./kms";
import type { AtlasNetwork } from "./vpc";

export interface AtlasDatabase {
  readonly database: DatabaseInstance;
  /** RDS-managed master secret: the seed's "Database password" secret. */
  readonly passwordSecretArn: string;
  readonly dataKeyArn: string;
}

/**
 * The seed's Database Configuration tables. No client security group here: the compute stack of the
 * phase (EC2 host, then ECS services) adds its own 5432 rule to this instance's group.
 */
export const buildAtlasRds: StackBuilder<AtlasRdsInputs, AtlasDatabase> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependency<AtlasNetwork>("vpc");
  const keys = ctx.dependency<AtlasKeys>("kms");
  const drKeys = inputs.backupReplication ? ctx.dependency<AtlasKeys>("drKms") : undefined;
  const database = new DatabaseInstance(stack, "rds", {
    name: inputs.name,
    // The env's windows (settings.windows), typed and checked at resolve time.
    backupWindow: ctx.settings.windows.backup,
    maintenanceWindow: ctx.settings.windows.databaseMaintenance,
    engine: "postgres",
    engineVersion: inputs.engineVersion,
    instanceClass: inputs.instanceClass,
    allocatedStorage: inputs.allocatedStorageGb,
    storageType: "gp3",
    multiAz: inputs.multiAz,
    readReplicas: inputs.readReplicas,
    backupRetentionDays: inputs.backupRetentionDays,
    performanceInsights: inputs.performanceInsights,
    enhancedMonitoringInterval: 0,
    deletionProtection: inputs.deletionProtection,
    kmsKeyArn: keys.data.keyArn,
    masterUserSecretKmsKeyId: keys.data.keyArn,
    forceSsl: inputs.forceSsl,
    dbName: inputs.dbName,
    vpcId: vpc.vpcId,
    subnetGroupName: vpc.dbSubnetGroupName!,
    allowedSecurityGroupIds: [],
    logRetentionDays: inputs.logRetentionDays,
    logKmsKeyArn: keys.logs.keyArn,
    ...(inputs.backupReplication && drKeys
      ? { backupReplication: { destinationRegion: inputs.backupReplication.region, kmsKeyArn: drKeys.data.keyArn, retentionDays: inputs.backupReplication.retentionDays } }
      : {}),
    masterCredentials: masterCredentialsOf(inputs, vpc.privateSubnetIds),
    tags: atlasTags("database"),
  });
  return { database, passwordSecretArn: database.masterUserSecretArn!, dataKeyArn: keys.data.keyArn };
};
