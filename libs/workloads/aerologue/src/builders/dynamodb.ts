import type { StackBuilder } from "@infra/core";
import { Table } from "@infra/dynamodb";
import type { DynamodbInputs } from "../inputs/modules";
import { buildKms } from "./kms";

export interface DynamodbOutputs {
  /** By seed name ("user_sessions", ..., "config"). */
  readonly tables: Readonly<Record<string, Table>>;
}

/**
 * ARC-005 DynamoDB: every table on-demand, PITR (ARC-013: 35 days), CMK, TTL where the seed gives
 * one; ARC-015's `config` table with the env's feature flags as items; ARC-012 replicas (global
 * tables) in every global region, each with that region's data key.
 */
export const buildDynamodb: StackBuilder<DynamodbInputs, DynamodbOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms).regions;
  const kmsKeyArn = keys[ctx.deployment.region.name]!.data.keyArn;
  const replicas = inputs.replicaRegions.map((region) => ({ region, kmsKeyArn: keys[region]!.data.keyArn }));
  const common = {
    kmsKeyArn,
    billing: { mode: "PAY_PER_REQUEST" as const },
    pointInTimeRecoveryDays: inputs.pitrDays,
    deletionProtection: inputs.deletionProtection,
    replicas,
  };

  const tables: Record<string, Table> = {};
  for (const [name, spec] of Object.entries(inputs.tables)) {
    tables[name] = new Table(stack, name.replace(/_/g, "-"), {
      ...common,
      name: `${inputs.prefix}-${name}`,
      partitionKey: spec.partitionKey,
      sortKey: spec.sortKey,
      globalSecondaryIndexes: spec.indexes.map((i) => ({ name: i.name, partitionKey: i.partitionKey, sortKey: i.sortKey })),
      ttlAttribute: spec.ttl?.attribute,
      tags: spec.ttl ? { TtlDays: String(spec.ttl.days), ...(spec.ttl.basis ? { TtlBasis: spec.ttl.basis } : {}) } : {},
    });
  }
  tables["config"] = new Table(stack, "config", {
    ...common,
    name: `${inputs.prefix}-config`,
    partitionKey: { name: "flag", type: "S" },
    items: Object.entries(inputs.featureFlags).map(([flag, enabled]) => ({ flag, enabled, environment: inputs.environment })),
  });
  return { tables };
};
