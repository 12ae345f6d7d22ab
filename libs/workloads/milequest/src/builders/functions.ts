import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { BuildContext, DeploymentStack } from "@infra/core";
import { type LambdaAlias, LambdaFunction } from "@infra/lambda";
import type { FunctionSettings, StackRole } from "../inputs";
import { buildAurora, buildCache, buildDynamodb, buildS3, type CacheOutputs, type DatabaseOutputs, type StorageOutputs, type TableOutputs } from "./data";
import { buildMessaging, type MessagingOutputs } from "./messaging";
import { buildVpc, type NetworkOutputs } from "./network";
import { buildCognito, buildKms, buildSecrets, type IdentityOutputs, type KeyOutputs, type SecretOutputs } from "./security";

/** Everything a Mile Quest function may be wired to, read from the deployment's dependencies. */
export interface AppDependencies {
  readonly network: NetworkOutputs;
  readonly keys: KeyOutputs;
  readonly database: DatabaseOutputs;
  /** None in a standby region: the read path goes straight to the Aurora reader there. */
  readonly cache?: CacheOutputs;
  readonly tables: TableOutputs;
  readonly storage: StorageOutputs;
  readonly messaging: MessagingOutputs;
  readonly identity: IdentityOutputs;
  readonly secrets: SecretOutputs;
}

/** Reads the shared dependencies; `cache` is optional (standby regions deploy none). */
export function appDependencies(ctx: BuildContext): AppDependencies {
  const has = (name: string) => name in ctx.deployment.dependencies;
  return {
    network: ctx.dependencyOn("vpc", buildVpc),
    keys: ctx.dependencyOn("kms", buildKms),
    database: ctx.dependencyOn("aurora", buildAurora),
    ...(has("cache") ? { cache: ctx.dependencyOn("cache", buildCache) } : {}),
    tables: ctx.dependencyOn("dynamodb", buildDynamodb),
    storage: ctx.dependencyOn("s3", buildS3),
    messaging: ctx.dependencyOn("messaging", buildMessaging),
    identity: ctx.dependencyOn("cognito", buildCognito),
    secrets: ctx.dependencyOn("secrets", buildSecrets),
  };
}

/** A function and the alias its callers invoke. */
export interface AliasedFunction {
  readonly fn: LambdaFunction;
  readonly alias: LambdaAlias;
}

export interface FunctionFactoryInputs {
  readonly name: string;
  readonly role: StackRole;
  readonly runtime: string;
  readonly artifacts: { readonly bucket: string; readonly prefix: string };
  readonly logRetentionDays: number;
}

/** The IAM database user the functions connect as (IAM database authentication, no password). */
export const DB_USER = "milequest_app";

/**
 * Builds Mile Quest's functions the same way everywhere: code from the configured artifact, in
 * the private subnets, CMK-encrypted environment and logs, X-Ray active, reserved concurrency,
 * failed async invocations to the function DLQ, and grants added one named statement at a time.
 * Table and secret ARNs are built from names, so the same code grants the DR region's replicas.
 */
export class FunctionFactory {
  readonly region: string;
  readonly accountId: string;
  readonly environment: Record<string, string>;

  constructor(
    private readonly stack: DeploymentStack,
    private readonly inputs: FunctionFactoryInputs,
    readonly deps: AppDependencies,
    ctx: BuildContext,
  ) {
    this.region = ctx.deployment.region.name;
    this.accountId = ctx.env.accountId;
    const { database, cache, tables, storage, messaging, identity, secrets } = deps;
    this.environment = {
      MILEQUEST_ENV: ctx.env.name,
      REGION_ROLE: inputs.role,
      DB_WRITER_HOST: database.cluster.endpoint,
      DB_READER_HOST: database.cluster.readerEndpoint,
      DB_NAME: database.databaseName,
      DB_USER,
      ...(cache ? { REDIS_HOST: cache.cache.primaryEndpoint, REDIS_READER_HOST: cache.cache.readerEndpoint, REDIS_USER: cache.userName } : {}),
      SESSIONS_TABLE: tables.sessions.tableName,
      REALTIME_TABLE: tables.realtime.tableName,
      USER_DATA_BUCKET: storage.userData.bucketName,
      DATA_LAKE_BUCKET: storage.dataLake.bucketName,
      EVENT_BUS_NAME: messaging.eventBusName,
      ACTIVITY_QUEUE_URL: messaging.activityQueue.queueUrl,
      TEAM_EVENTS_TOPIC_ARN: messaging.teamEvents.topicArn,
      USER_POOL_ID: identity.userPoolId,
      USER_POOL_CLIENT_IDS: `${identity.webClientId},${identity.adminClientId}`,
      JWT_ISSUER: identity.issuer,
      SECRETS_PATH: secrets.prefix,
    };
  }

  create(fn: string, settings: FunctionSettings, description: string, extraEnvironment: Record<string, string> = {}, publish = false): LambdaFunction {
    const { network, keys, messaging } = this.deps;
    return new LambdaFunction(this.stack, fn, {
      name: `${this.inputs.name}-${fn}`,
      description,
      runtime: this.inputs.runtime,
      handler: "index.handler",
      code: { s3Bucket: this.inputs.artifacts.bucket, s3Key: `${this.inputs.artifacts.prefix}/${fn}.zip` },
      architecture: "arm64",
      memorySize: settings.memoryMb,
      timeout: settings.timeoutSeconds,
      reservedConcurrency: settings.reservedConcurrency,
      environment: { ...this.environment, ...extraEnvironment },
      kmsKeyArn: keys.app.keyArn,
      vpc: { subnetIds: network.vpc.privateSubnetIds, securityGroupIds: [network.lambdaSecurityGroupId] },
      tracing: "Active",
      deadLetterTarget: { type: "sqs", arn: messaging.functionDlq.queueArn, kmsKeyArn: messaging.kmsKeyArn },
      logging: { retentionDays: this.inputs.logRetentionDays, format: "JSON" },
      publish,
    });
  }

  /**
   * A function API Gateway invokes through an alias (seed 003 "Canary Deploy"): every code change
   * publishes a version, and the deployment group of `ops-deploy` shifts the alias onto it.
   */
  createAliased(
    fn: string,
    settings: FunctionSettings,
    description: string,
    aliasName: string,
    extraEnvironment: Record<string, string> = {},
  ): AliasedFunction {
    const created = this.create(fn, settings, description, extraEnvironment, true);
    return { fn: created, alias: created.addAlias(aliasName, `Traffic-shifted by CodeDeploy (${fn})`) };
  }

  /** @deprecated Call the library grant with the function: `bucket.grantReadWrite(fn, { sid })` (ADR 0115). */
  grant(fn: LambdaFunction, sid: string, statements: readonly DataAwsIamPolicyDocumentStatement[]): void {
    statements.forEach((s, i) =>
      fn.addToRolePolicy({ sid: i === 0 ? sid : `${sid}${i + 1}`, actions: [...(s.actions ?? [])], resources: [...(s.resources ?? [])] }),
    );
  }

  /** rds-db:connect as the application user (writer and readers of this region's cluster). */
  grantDatabase(fn: LambdaFunction): void {
    this.deps.database.cluster.grantConnect(fn, { dbUser: DB_USER, region: this.region, accountId: this.accountId, sid: "ConnectAurora" });
  }

  grantCache(fn: LambdaFunction): void {
    this.deps.cache?.cache.grantConnect(fn, { userName: this.deps.cache.userName, sid: "ConnectRedis" });
  }

  private tableArn(name: string): string {
    return `arn:aws:dynamodb:${this.region}:${this.accountId}:table/${name}`;
  }

  grantTable(fn: LambdaFunction, table: "sessions" | "realtime", access: "read" | "readWrite"): void {
    const arn = this.tableArn(this.deps.tables[table].tableName);
    const read = ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"];
    const write = ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];
    const sid = `${access === "read" ? "Read" : "ReadWrite"}${table === "sessions" ? "Sessions" : "Realtime"}`;
    fn.addToRolePolicy({ sid, actions: access === "read" ? read : [...read, ...write], resources: [arn, `${arn}/index/*`] });
    fn.addToRolePolicy({ sid: `${sid}Key`, actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [this.deps.keys.app.keyArn] });
  }

  /** Read a secret by name: the same statement covers its replica in a DR region. */
  grantSecret(fn: LambdaFunction, sid: string, secretName: string): void {
    fn.addToRolePolicy({
      sid,
      actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
      resources: [`arn:aws:secretsmanager:${this.region}:${this.accountId}:secret:${secretName}-??????`],
    });
    fn.addToRolePolicy({ sid: `${sid}Key`, actions: ["kms:Decrypt"], resources: [this.deps.keys.app.keyArn] });
  }

  grantPutEvents(fn: LambdaFunction): void {
    fn.addToRolePolicy({ sid: "PutDomainEvents", actions: ["events:PutEvents"], resources: [this.deps.messaging.eventBusArn] });
    fn.addToRolePolicy({ sid: "PutDomainEventsKey", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [this.deps.keys.app.keyArn] });
  }

  grantUserPool(fn: LambdaFunction, actions: readonly string[]): void {
    fn.addToRolePolicy({ sid: "UserPool", actions: [...actions], resources: [this.deps.identity.userPoolArn] });
  }
}
