import type { StackBuilder } from "@infra/core";
import { requirePrerequisite } from "@infra/core";
import { Table } from "@infra/dynamodb";
import { TimestreamDatabase, TimestreamTable } from "@infra/timestream";
import type { TimestreamInputs } from "../inputs/modules";
import { buildKms } from "./kms";

/** The flight-position store, by kind: what the functions get their table name and permissions from. */
export type TimestreamOutputs =
  | { readonly kind: "dynamodb"; readonly table: Table }
  | { readonly kind: "timestream-liveanalytics"; readonly database: TimestreamDatabase; readonly table: TimestreamTable };

/**
 * ARC-005 flight positions (docs/adr/0012-time-series-store.md). `dynamodb` (default): one item per
 * position report, partition `aircraft_id`, sort `observed_at` (epoch milliseconds) for an aircraft's
 * trail, an index by `minute` (the report's minute, "YYYY-MM-DDTHH:MM") for "every position in this
 * window", TTL on `expires_at` = observed + magneticRetentionDays. `timestream-liveanalytics`: the
 * seed's database and table, for an account that is already a customer (a declared prerequisite).
 */
export const buildTimestream: StackBuilder<TimestreamInputs, TimestreamOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms).regions[ctx.deployment.region.name]!;
  if (inputs.store.kind === "dynamodb") {
    const table = new Table(stack, "positions", {
      name: `${inputs.databaseName}-${inputs.tableName.replace(/_/g, "-")}`,
      partitionKey: { name: "aircraft_id", type: "S" },
      sortKey: { name: "observed_at", type: "N" },
      globalSecondaryIndexes: [{ name: "by-minute", partitionKey: { name: "minute", type: "S" }, sortKey: "observed_at" }],
      ttlAttribute: "expires_at",
      billing: { mode: "PAY_PER_REQUEST" },
      // Positions live 7 days: a week of point-in-time recovery covers all of them.
      pointInTimeRecoveryDays: Math.min(Math.max(inputs.magneticRetentionDays, 1), 35),
      kmsKeyArn: keys.data.keyArn,
      deletionProtection: inputs.deletionProtection,
      tags: {
        TtlDays: String(inputs.magneticRetentionDays),
        TtlBasis: "observed_at",
        Dimensions: inputs.dimensions.join(" "),
        Measures: inputs.measures.join(" "),
      },
    });
    return { kind: "dynamodb", table };
  }
  requirePrerequisite(stack, {
    requirement: { kind: "timestream-liveanalytics-customer" },
    neededAt: "apply",
    reason: "store.kind is timestream-liveanalytics: AWS refuses CreateDatabase unless the account used Timestream for LiveAnalytics before 2025-06-20",
  });
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
  return { kind: "timestream-liveanalytics", database, table };
};
