import { ServerlessapplicationrepositoryCloudformationStack } from "@cdktf/provider-aws/lib/serverlessapplicationrepository-cloudformation-stack";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { AuroraGlobalDatabase, AuroraPostgresCluster } from "@infra/aurora";
import type { StackBuilder } from "@infra/core";
import { auroraPlacementProps } from "@infra/workload-shared";
import { Fn } from "cdktf";
import type { AuroraInputs } from "../inputs/modules";
import { DatabaseExtensions } from "./db-extensions";
import { buildKms } from "./kms";
import { buildSecrets } from "./secrets";
import { buildVpc } from "./vpc";

export interface AuroraOutputs {
  readonly cluster: AuroraPostgresCluster;
  readonly globalClusterIdentifier?: string;
  /** The ARC-009 `aerologue/db/aurora` secret functions read (host, port, username, password, database). */
  readonly credentialsSecretArn: string;
}

/** AWS's single-user PostgreSQL rotation function (Serverless Application Repository). */
const ROTATION_APP = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser";

/**
 * ARC-005 Aurora PostgreSQL 15 Serverless v2: writer + reader in two AZs, isolated subnets, CMK,
 * backups (ARC-013: 7 days), 5432 from sg-lambda only (the cluster's own group is ARC-003's
 * sg-aurora). Master credentials are the ARC-009 secret `aerologue/db/aurora`, rotated every
 * 90 days by AWS's rotation function. PostGIS and pg_trgm are created on apply through the RDS
 * Data API (DatabaseExtensions, ADR 0125); a global secondary gets them by replication.
 */
export const buildAurora: StackBuilder<AuroraInputs, AuroraOutputs> = (stack, inputs, ctx) => {
  const region = ctx.deployment.region.name;
  const network = ctx.dependencyOn("vpc", buildVpc);
  const keys = ctx.dependencyOn("kms", buildKms).regions[region]!;
  const secret = ctx.dependencyOn("secrets", buildSecrets).secrets["aerologue/db/aurora"]!;
  const secondary = inputs.role === "global-secondary";

  let globalClusterIdentifier: string | undefined;
  if (inputs.role === "global-primary") {
    const global = new AuroraGlobalDatabase(stack, "global", {
      globalClusterIdentifier: inputs.globalClusterIdentifier,
      engineVersion: inputs.engineVersion,
      databaseName: inputs.databaseName,
      deletionProtection: inputs.deletionProtection,
    });
    globalClusterIdentifier = global.globalClusterIdentifier;
  } else if (secondary) {
    globalClusterIdentifier = ctx.dependencyOn("primary", buildAurora).globalClusterIdentifier;
  }

  const cluster = new AuroraPostgresCluster(stack, "aurora", {
    clusterIdentifier: inputs.clusterIdentifier,
    engineVersion: inputs.engineVersion,
    scaling: { minCapacity: inputs.minCapacity, maxCapacity: inputs.maxCapacity, secondsUntilAutoPause: inputs.secondsUntilAutoPause },
    instances: inputs.instances,
    ...auroraPlacementProps(inputs, {
      windows: ctx.settings.windows,
      vpc: network.vpc,
      keys,
      clients: [{ securityGroupId: network.securityGroups.lambda, description: "Lambda functions (sg-lambda)" }],
    }),
    // The extensions' statements go through the Data API; a secondary has no writer to run them on.
    dataApi: !secondary,
    ...(secondary
      ? {}
      : {
          databaseName: inputs.databaseName,
          // Generated into the ARC-009 secret at creation (write-only): no operator step before the first apply.
          masterCredentials: { mode: "secret" as const, username: "aerologue_admin", secret },
        }),
    global: globalClusterIdentifier
      ? secondary
        ? { role: "secondary", globalClusterIdentifier, sourceRegion: inputs.primaryRegion }
        : { role: "primary", globalClusterIdentifier }
      : undefined,
  });

  if (!secondary) {
    // The rotation function runs in the private subnets with sg-lambda, which the cluster admits.
    const rotator = new ServerlessapplicationrepositoryCloudformationStack(stack, "rotation-function", {
      name: `${inputs.clusterIdentifier}-rotation`,
      applicationId: ROTATION_APP,
      capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
      parameters: {
        endpoint: `https://secretsmanager.${region}.amazonaws.com`,
        functionName: `${inputs.clusterIdentifier}-rotation`,
        vpcSubnetIds: Fn.join(",", network.vpc.privateSubnetIds),
        vpcSecurityGroupIds: network.securityGroups.lambda,
        kmsKeyArn: keys.data.keyArn,
      },
    });
    new SecretsmanagerSecretRotation(stack, "credentials-rotation", {
      secretId: secret.secretArn,
      rotationLambdaArn: rotator.outputs.lookup("RotationLambdaARN"),
      rotateImmediately: false,
      rotationRules: { automaticallyAfterDays: inputs.credentialRotationDays },
    });

    new DatabaseExtensions(stack, "extensions", {
      name: `${inputs.clusterIdentifier}-extensions`,
      cluster,
      secretArn: secret.secretArn,
      secretKeyArn: keys.data.keyArn,
      region,
      database: inputs.databaseName,
      extensions: inputs.extensions,
      kmsKeyArn: keys.compute.keyArn,
      logRetentionDays: inputs.logRetentionDays,
      vpc: { subnetIds: network.vpc.privateSubnetIds, securityGroupIds: [network.securityGroups.lambda] },
    });
  }

  return { cluster, globalClusterIdentifier, credentialsSecretArn: secret.secretArn };
};
