import type { StackBuilder } from "@infra/core";
import { TimestreamDatabase, TimestreamTable } from "@infra/timestream";
import type { TimestreamInputs } from "../inputs/modules";
import type { KmsOutputs } from "./kms";

export interface TimestreamOutputs {
  readonly database: TimestreamDatabase;
  readonly table: TimestreamTable;
}

/** ARC-005 Timestream: flight positions, memory store 1 hour, magnetic store 7 days. */
export const buildTimestream: StackBuilder<TimestreamInputs, TimestreamOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<KmsOutputs>("kms").regions[ctx.deployment.region.name]!;
  const database = new TimestreamDatabase(stack, "database", {
    databaseName: inputs.databaseName,
    kmsKeyArn: keys.data.keyArn,
    deletionProtection: inputs.deletionProtection,
  });
  const table = new TimestreamTable(stack, "flight-positions", {
    databaseName: database.databaseName,
    tableName: inputs.tableName,
    memoryStoreRetentionHours: inputs.memoryRetentionHours,
    magneticStoreRetentionDays: inputs.magneticRetentionDays,
    dimensions: inputs.dimensions,
    measures: inputs.measures,
    deletionProtection: inputs.deletionProtection,
  });
  return { database, table };
};
