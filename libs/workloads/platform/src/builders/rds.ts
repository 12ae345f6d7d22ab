import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { StackBuilder } from "@infra/core";
import { DatabaseInstance, databasePropsFromInputs } from "@infra/rds";
import type { RdsInputs } from "../inputs/rds";
import { buildKms } from "./kms";
import { buildVpc } from "./vpc";
import { buildEcs } from "./ecs";

export interface DataOutputs {
  readonly database: DatabaseInstance;
  /** The instance's allocated storage, for the free-storage alarm threshold. */
  readonly allocatedStorageGb: number;
}

/** Security groups allowed to reach the database (the ECS instances), and the role its tasks run as. */
export interface DatabaseClients {
  readonly instanceSecurityGroupId: string;
  readonly taskRoleName: string;
}

export const buildRds: StackBuilder<RdsInputs, DataOutputs> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms);
  const clients = ctx.dependencyOn("ecs", buildEcs).cluster;
  const source = inputs.replicaOfPrimary ? ctx.dependencyOn("primary", buildRds).database : undefined;
  const database = new DatabaseInstance(stack, "rds", {
    ...databasePropsFromInputs(inputs, { windows: ctx.settings.windows, vpc, keys, replicaOf: source }),
    engine: inputs.engine,
    maxAllocatedStorage: inputs.maxAllocatedStorageGb ?? 2 * inputs.allocatedStorageGb,
    enhancedMonitoringInterval: inputs.enhancedMonitoringInterval,
    allowedSecurityGroupIds: [clients.instanceSecurityGroupId],
  });
  // Seed 004: the ECS tasks read the database credentials. Granted here, where the secret is: the cluster
  // deploys first (the database admits its security group), so it cannot name the secret itself.
  if (database.masterUserSecretArn) {
    const doc = new DataAwsIamPolicyDocument(stack, "task-db-secret-doc", {
      statement: [{ sid: "DatabaseSecret", effect: "Allow", actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], resources: [database.masterUserSecretArn] }],
    });
    new IamRolePolicy(stack, "task-db-secret", { name: "PlatformDatabaseSecret", role: clients.taskRoleName, policy: doc.json });
  }
  return { database, allocatedStorageGb: inputs.allocatedStorageGb };
};
