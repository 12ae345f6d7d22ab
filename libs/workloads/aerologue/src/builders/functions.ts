import type { StackBuilder } from "@infra/core";
import { TABLE_READ_WRITE_ACTIONS } from "@infra/dynamodb";
import { LambdaFunction, LambdaLayer, SubMinuteSchedule, TracingSamplingRule } from "@infra/lambda";
import { Queue, Schedule } from "@infra/messaging";
import type { FunctionsInputs } from "../inputs/modules";
import { buildAurora } from "./aurora";
import { buildCache } from "./cache";
import { buildDynamodb } from "./dynamodb";
import { buildKms } from "./kms";
import { buildSecrets } from "./secrets";
import { buildStorage } from "./storage";
import { buildTimestream } from "./timestream";
import { buildVpc } from "./vpc";

export interface FunctionsOutputs {
  /** By seed name ("api-rest-handler", ...). */
  readonly functions: Readonly<Record<string, LambdaFunction>>;
  readonly layers: Readonly<Record<string, LambdaLayer>>;
  /** The SQS queue ws-broadcast consumes. */
  readonly broadcastQueue: Queue;
}

const LOG_LEVELS = { debug: "DEBUG", info: "INFO", warn: "WARN", error: "ERROR" } as const;

function rateExpression(seconds: number): string {
  const minutes = seconds / 60;
  if (minutes % 1440 === 0) return minutes === 1440 ? "rate(1 day)" : `rate(${minutes / 1440} days)`;
  if (minutes % 60 === 0) return minutes === 60 ? "rate(1 hour)" : `rate(${minutes / 60} hours)`;
  return minutes === 1 ? "rate(1 minute)" : `rate(${minutes} minutes)`;
}

/**
 * ARC-004 Lambda: the ten functions (Node.js 20, arm64, the seed's memory/timeout/reserved
 * concurrency), the three layers, in the private subnets with sg-lambda, X-Ray active, ARC-015
 * environment, one log group each (ARC-010 retention). The seed's shared
 * `aerologue-lambda-execution` role becomes one role per function holding only the seed policies
 * that function needs, on exact table, bucket, queue and secret ARNs. Triggers: 10-second
 * schedules through SubMinuteSchedule (EventBridge stops at one minute), 1 h and daily through
 * EventBridge Scheduler, ws-broadcast from SQS. API Gateway and Cognito permissions are created
 * by the API and auth stacks that own those triggers.
 */
export const buildFunctions: StackBuilder<FunctionsInputs, FunctionsOutputs> = (stack, inputs, ctx) => {
  const region = ctx.deployment.region.name;
  const account = ctx.env.accountId;
  const keys = ctx.dependencyOn("kms", buildKms).regions[region]!;
  const network = ctx.dependencyOn("vpc", buildVpc);
  const secrets = ctx.dependencyOn("secrets", buildSecrets).secrets;
  const tables = ctx.dependencyOn("dynamodb", buildDynamodb).tables;
  const aurora = ctx.dependencyOn("aurora", buildAurora);
  const cache = ctx.dependencyOn("cache", buildCache);
  const storage = ctx.dependencyOn("storage", buildStorage);
  const timestream = ctx.dependencyOn("timestream", buildTimestream);
  const regional = `${inputs.prefix}-${region}`;

  const layers: Record<string, LambdaLayer> = {};
  for (const [name, layer] of Object.entries(inputs.layers)) {
    layers[name] = new LambdaLayer(stack, `layer-${name}`, {
      name: `${inputs.prefix}-${name}`,
      description: layer.contents,
      code: { s3Bucket: inputs.artifacts.bucket, s3Key: inputs.artifacts.layerKeys[name]! },
      compatibleRuntimes: layer.compatibleRuntimes,
      compatibleArchitectures: [inputs.architecture],
    });
  }

  const broadcastQueue = new Queue(stack, "broadcast-queue", {
    name: `${inputs.prefix}-ws-broadcast`,
    kmsKeyArn: keys.compute.keyArn,
    // Six times ws-broadcast's timeout, as Lambda recommends for SQS sources.
    visibilityTimeoutSeconds: 6 * (inputs.functions["ws-broadcast"]?.timeoutSeconds ?? 30),
    deadLetter: { maxReceiveCount: 5 },
  });

  // Failed asynchronous invocations (schedules, Cognito, S3) land here after Lambda's retries.
  const deadLetters = new Queue(stack, "dead-letters", {
    name: `${inputs.prefix}-lambda-dead-letters`,
    kmsKeyArn: keys.compute.keyArn,
    retentionSeconds: 1209600,
  });

  // Table ARNs are built in this region: a global table has one ARN per replica region.
  const tableArn = (name: string) => {
    const table = tables[name];
    if (!table) throw new Error(`aerologue-compute/functions: unknown table "${name}"; tables: ${Object.keys(tables).join(", ")}`);
    return `arn:aws:dynamodb:${region}:${account}:table/${table.tableName}`;
  };
  const environment: Record<string, string> = {
    ...inputs.environment,
    TABLE_PREFIX: inputs.tablePrefix,
    CONFIG_TABLE: tables["config"]!.tableName,
    DB_SECRET_ARN: aurora.credentialsSecretArn,
    DB_ENDPOINT: aurora.cluster.endpoint,
    DB_READER_ENDPOINT: aurora.cluster.readerEndpoint,
    CACHE_ENDPOINT: cache.cache.primaryEndpoint,
    CACHE_USER: cache.appUser,
    // The flight-position store (ADR 0012): a DynamoDB table, or Timestream for LiveAnalytics for an existing customer.
    POSITIONS_STORE: timestream.kind,
    ...(timestream.kind === "dynamodb"
      ? { POSITIONS_TABLE: timestream.table.tableName }
      : { TIMESTREAM_DATABASE: timestream.database.databaseName, TIMESTREAM_TABLE: timestream.table.tableName }),
    BROADCAST_QUEUE_URL: broadcastQueue.queueUrl,
  };

  const functions: Record<string, LambdaFunction> = {};
  for (const [name, spec] of Object.entries(inputs.functions)) {
    const fn = new LambdaFunction(stack, name, {
      name: `${inputs.prefix}-${name}`,
      roleName: `${regional}-${name}`,
      description: spec.purpose,
      runtime: spec.runtime,
      handler: spec.handler,
      code: { s3Bucket: inputs.artifacts.bucket, s3Key: inputs.artifacts.functionKeys[name]! },
      architecture: inputs.architecture,
      memorySize: spec.memoryMb,
      timeout: spec.timeoutSeconds,
      layers: spec.layers.map((l) => layers[l]!.layerVersionArn),
      environment,
      kmsKeyArn: keys.compute.keyArn,
      vpc: { subnetIds: network.vpc.privateSubnetIds, securityGroupIds: [network.securityGroups.lambda] },
      tracing: "Active",
      reservedConcurrency: spec.reservedConcurrency,
      deadLetterTarget: { type: "sqs", arn: deadLetters.queueArn, kmsKeyArn: keys.compute.keyArn },
      logging: { retentionDays: inputs.logRetentionDays, format: "JSON", applicationLogLevel: LOG_LEVELS[inputs.logLevel] },
    });
    functions[name] = fn;

    const a = spec.access;
    const grant = (sid: string, actions: string[], resources: string[], wildcardReason?: string) =>
      fn.addToRolePolicy({ sid, actions, resources, wildcardReason });
    // Library grants named "<sid>1", "<sid>2", ... (the inline policy names these roles have had since ARC-009).
    const numberedFrom1 = (sid: string) => (i: number) => `${sid}${i + 1}`;
    if (a.tables.length > 0) {
      const arns = a.tables.map(tableArn);
      grant("DynamoDBAccess", [...TABLE_READ_WRITE_ACTIONS], [...arns, ...arns.map((t) => `${t}/index/*`)]);
      grant("DynamoDBKey", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], [keys.data.keyArn]);
    }
    if (a.timestream !== "none" && timestream.kind === "dynamodb") {
      const positions = `arn:aws:dynamodb:${region}:${account}:table/${timestream.table.tableName}`;
      const actions = a.timestream === "write" ? ["dynamodb:BatchWriteItem", "dynamodb:PutItem"] : ["dynamodb:GetItem", "dynamodb:Query"];
      grant("PositionsAccess", actions, [positions, `${positions}/index/*`]);
      grant("PositionsKey", a.timestream === "write" ? ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"], [keys.data.keyArn]);
    } else if (a.timestream !== "none" && timestream.kind === "timestream-liveanalytics") {
      const actions = a.timestream === "write" ? ["timestream:WriteRecords"] : ["timestream:Select"];
      grant("TimestreamAccess", actions, [timestream.table.tableArn]);
      // DescribeEndpoints has no resource-level permissions (Timestream docs).
      grant("TimestreamEndpoints", ["timestream:DescribeEndpoints"], ["*"], "timestream:DescribeEndpoints has no resource-level permissions");
    }
    if (a.aurora) grant("AuroraCredentials", ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], [aurora.credentialsSecretArn]);
    const secretArns = a.secrets.map((s) => {
      const secret = secrets[s];
      if (!secret) throw new Error(`aerologue-compute/functions: ${name} names unknown secret "${s}"`);
      return secret.secretArn;
    });
    if (secretArns.length > 0) grant("ReadSecrets", ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], secretArns);
    if (a.aurora || secretArns.length > 0) grant("SecretsKey", ["kms:Decrypt"], [keys.data.keyArn]);
    if (a.cache) cache.cache.grantConnect(fn, { userName: cache.appUser, sid: numberedFrom1("CacheConnect") });
    a.buckets.forEach((b) => {
      const bucket = storage.buckets[b];
      if (!bucket) throw new Error(`aerologue-compute/functions: ${name} names unknown bucket "${b}"`);
      bucket.grantReadWrite(fn, { sid: numberedFrom1(`S3${b.replace(/[^a-zA-Z0-9]/g, "")}`) });
    });
    if (a.sendToBroadcastQueue) {
      grant("SendToBroadcastQueue", ["sqs:SendMessage"], [broadcastQueue.queueArn]);
      grant("BroadcastQueueKey", ["kms:GenerateDataKey", "kms:Decrypt"], [keys.compute.keyArn]);
    }

    const trigger = spec.trigger;
    if (trigger.type === "schedule" && trigger.everySeconds < 60) {
      new SubMinuteSchedule(stack, `${name}-every-${trigger.everySeconds}s`, {
        name: `${regional}-${name}`,
        target: fn,
        intervalSeconds: trigger.everySeconds,
        kmsKeyArn: keys.compute.keyArn,
        logRetentionDays: inputs.logRetentionDays,
      });
    } else if (trigger.type === "schedule") {
      new Schedule(stack, `${name}-schedule`, {
        name: `${regional}-${name}`,
        description: `${spec.purpose} (${rateExpression(trigger.everySeconds)})`,
        scheduleExpression: rateExpression(trigger.everySeconds),
        kmsKeyArn: keys.compute.keyArn,
        target: { type: "lambda", function: fn },
        maxRetryAttempts: 2,
        maxEventAgeSeconds: 3600,
      });
    } else if (trigger.type === "sqs") {
      fn.addSqsEventSource("broadcast", { queueArn: broadcastQueue.queueArn, queueKmsKeyArn: keys.compute.keyArn, batchSize: 10 });
    }
  }

  // ARC-010: 5 % of requests traced (reservoir 1/s first, then the fixed rate).
  if (inputs.ownsSamplingRule) {
    new TracingSamplingRule(stack, "sampling-rule", { name: `${inputs.prefix}-default`.slice(0, 32), fixedRate: inputs.xraySamplingRate }).movedFrom(
      "aws_xray_sampling_rule.sampling-rule",
    );
  }
  return { functions, layers, broadcastQueue };
};
