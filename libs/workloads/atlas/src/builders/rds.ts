import type { StackBuilder } from "@infra/core";
import { DatabaseInstance, databasePropsFromInputs } from "@infra/rds";
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
    ...databasePropsFromInputs(inputs, { windows: ctx.settings.windows, vpc, keys }),
    engine: "postgres",
    storageType: "gp3",
    readReplicas: inputs.readReplicas,
    performanceInsights: inputs.performanceInsights,
    enhancedMonitoringInterval: 0,
    dbName: inputs.dbName,
    allowedSecurityGroupIds: [],
    ...(inputs.backupReplication && drKeys
      ? { backupReplication: { destinationRegion: inputs.backupReplication.region, kmsKeyArn: drKeys.data.keyArn, retentionDays: inputs.backupReplication.retentionDays } }
      : {}),
    tags: atlasTags("database"),
  });
  return { database, passwordSecretArn: database.masterUserSecretArn!, dataKeyArn: keys.data.keyArn };
};
