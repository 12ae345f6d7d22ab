import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { StackBuilder } from "@infra/core";
import { Fn } from "cdktf";
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

const primaryRegion = (env: { readonly regions: readonly { readonly name: string; readonly role: string }[] }): string =>
  env.regions.find((r) => r.role === "primary")!.name;

export const buildRds: StackBuilder<RdsInputs, DataOutputs> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms);
  const clients = ctx.dependencyOn("ecs", buildEcs).cluster;
  const source = inputs.replicaOfPrimary ? ctx.dependencyOn("primary", buildRds).database : undefined;
  const replicaRegions = inputs.masterCredentials.mode === "rotated-secret" ? (inputs.masterCredentials.replicaRegions ?? []) : [];
  const secretReplicaKeys = Object.fromEntries(replicaRegions.map((region) => [region, ctx.dependencyOn(`kms-${region}`, buildKms).data]));
  const database = new DatabaseInstance(stack, "rds", {
    ...databasePropsFromInputs(inputs, { windows: ctx.settings.windows, vpc, keys, replicaOf: source, secretReplicaKeys }),
    engine: inputs.engine,
    maxAllocatedStorage: inputs.maxAllocatedStorageGb ?? 2 * inputs.allocatedStorageGb,
    enhancedMonitoringInterval: inputs.enhancedMonitoringInterval,
    allowedSecurityGroupIds: [clients.instanceSecurityGroupId],
  });
  // Seed 004: the ECS tasks read the database credentials. Granted here, where the secret is: the cluster
  // deploys first (the database admits its security group), so it cannot name the secret itself.
  // A DR replica has no secret of its own: its tasks read the primary's secret's replica in this region (same
  // name and suffix, so the same ARN but for the region), which a promotion leaves in place (docs/runbooks/platform.md).
  const secretArn =
    database.masterUserSecretArn ??
    (source?.masterSecret ? Fn.replace(source.masterSecret.secretArn, `:${primaryRegion(ctx.env)}:`, `:${ctx.deployment.region.name}:`) : undefined);
  if (secretArn) {
    const doc = new DataAwsIamPolicyDocument(stack, "task-db-secret-doc", {
      statement: [
        { sid: "DatabaseSecret", effect: "Allow", actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], resources: [secretArn] },
      ],
    });
    new IamRolePolicy(stack, "task-db-secret", { name: "PlatformDatabaseSecret", role: clients.taskRoleName, policy: doc.json });
  }
  return { database, allocatedStorageGb: inputs.allocatedStorageGb };
};
