import type { StackBuilder } from "@infra/core";
import { DatabaseInstance, databasePropsFromInputs } from "@infra/rds";
import type { RdsInputs } from "../inputs/rds";
import type { KeyOutputs } from "./kms";
import type { NetworkOutputs } from "./vpc";

export interface DataOutputs {
  readonly database: DatabaseInstance;
  /** The instance's allocated storage, for the free-storage alarm threshold. */
  readonly allocatedStorageGb: number;
}

/** Security groups allowed to reach the database (the ECS instances). */
export interface DatabaseClients {
  readonly instanceSecurityGroupId: string;
}

export const buildRds: StackBuilder<RdsInputs, DataOutputs> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependency<NetworkOutputs>("vpc");
  const keys = ctx.dependency<KeyOutputs>("kms");
  const clients = ctx.dependency<{ cluster: DatabaseClients }>("ecs").cluster;
  const source = inputs.replicaOfPrimary ? ctx.dependency<DataOutputs>("primary").database : undefined;
  const database = new DatabaseInstance(stack, "rds", {
    ...databasePropsFromInputs(inputs, { windows: ctx.settings.windows, vpc, keys, replicaOf: source }),
    engine: inputs.engine,
    maxAllocatedStorage: inputs.maxAllocatedStorageGb ?? 2 * inputs.allocatedStorageGb,
    enhancedMonitoringInterval: inputs.enhancedMonitoringInterval,
    allowedSecurityGroupIds: [clients.instanceSecurityGroupId],
  });
  return { database, allocatedStorageGb: inputs.allocatedStorageGb };
};
