import { CloudwatchLogStream } from "@cdktf/provider-aws/lib/cloudwatch-log-stream";
import { CloudwatchLogSubscriptionFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-subscription-filter";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { KinesisFirehoseDeliveryStream } from "@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream";
import { type StackBuilder, requirePrerequisite } from "@infra/core";
import { Secret } from "@infra/kms";
import { LogGroup } from "@infra/monitoring";
import { SecureBucket } from "@infra/s3";
import type { Construct } from "constructs";
import type { LogShippingInputs } from "../inputs/log-shipping";
import { buildApp } from "./app";
import { buildEcs } from "./ecs";
import { buildIngress } from "./ingress";
import { buildKms } from "./kms";

/** What Firehose reads from the secret (its Splunk destination's documented key). */
const HEC_TOKEN_FORMAT = 'JSON {"hec_token"}: the token of the Splunk HTTP Event Collector input for this stream';

export interface LogShippingOutputs {
  readonly deliveryStreamArn: string;
  /** The log groups subscribed to the stream. */
  readonly shippedLogGroups: readonly string[];
}

type Condition = { test: string; variable: string; values: string[] };

/** A role a service principal assumes, under the conditions the service documents (confused-deputy protection). */
function serviceRole(
  scope: Construct,
  id: string,
  p: { name: string; service: string; trustConditions: Condition[]; statements: DataAwsIamPolicyDocumentStatement[] },
): IamRole {
  const trust = new DataAwsIamPolicyDocument(scope, `${id}-trust`, {
    statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: [p.service] }], condition: p.trustConditions }],
  });
  const role = new IamRole(scope, id, { name: p.name, assumeRolePolicy: trust.json });
  const doc = new DataAwsIamPolicyDocument(scope, `${id}-policy-doc`, { statement: p.statements });
  new IamRolePolicy(scope, `${id}-policy`, { name: "least-privilege", role: role.id, policy: doc.json });
  return role;
}

/**
 * Seed 004 prod logging "CloudWatch + Splunk": the platform's log groups (the application's, the ECS
 * cluster's and the hosts' system logs) are subscribed to a Firehose stream, encrypted with the logs key,
 * that decompresses CloudWatch Logs' batches, extracts the messages and delivers them to Splunk HEC
 * (endpoint from config, token from a Secrets Manager secret an operator fills). What Splunk refuses
 * after the retries goes to a CMK-encrypted bucket (FailedEventsOnly); delivery errors to a log group.
 */
export const buildLogShipping: StackBuilder<LogShippingInputs, LogShippingOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const { cluster } = ctx.dependencyOn("ecs", buildEcs);
  const app = ctx.dependencyOn("app", buildApp);
  const { accessLogBucketName } = ctx.dependencyOn("ingress", buildIngress);
  const region = ctx.deployment.region.name;
  const accountId = ctx.env.accountId;
  const streamName = `${inputs.name}-splunk`;
  if (!cluster.systemLogGroupName)
    throw new Error(`${ctx.deployment.stackName}: the ECS cluster has no system log group (its hostAgent is off): nothing to ship from the hosts`);
  const shipped = [app.logGroupName, cluster.logGroupName, cluster.systemLogGroupName];

  // Not under the task role's `<name>/*` secrets: the application never reads the HEC token.
  const token = new Secret(stack, "hec-token", {
    name: `splunk/${inputs.name}/hec-token`,
    description: `Splunk HEC token of the ${streamName} Firehose stream`,
    kmsKeyArn: keys.data.keyArn,
    deletionProtection: inputs.deletionProtection,
    valueFormat: HEC_TOKEN_FORMAT,
  });
  requirePrerequisite(stack, {
    requirement: { kind: "secret-value", secret: token.name, format: HEC_TOKEN_FORMAT },
    createdHere: true,
    neededAt: "runtime",
    reason: `Firehose reads the Splunk HEC token from it at delivery time; until it is put, every batch fails over to the failed-events bucket (docs/workloads/platform.md)`,
  });

  const failed = new SecureBucket(stack, "failed-events", {
    bucketName: `${ctx.env.project}-${ctx.env.name}-${region}-splunk-failed`,
    encryption: { mode: "kms", kmsKeyArn: keys.logs.keyArn },
    accessLogs: { targetBucketName: accessLogBucketName },
    lifecycleRules: [{ id: "expire-failed-events", expirationDays: inputs.failedEventsRetentionDays }],
    deletionProtection: inputs.deletionProtection,
    forceDestroy: !inputs.deletionProtection,
  });

  const errors = new LogGroup(stack, "delivery-errors", {
    name: `/aws/kinesisfirehose/${streamName}`,
    retentionDays: inputs.logRetentionDays,
    kmsKeyArn: keys.logs.keyArn,
  });
  const destinationStream = new CloudwatchLogStream(stack, "delivery-errors-splunk", { name: "DestinationDelivery", logGroupName: errors.logGroupName });
  const backupStream = new CloudwatchLogStream(stack, "delivery-errors-s3", { name: "BackupDelivery", logGroupName: errors.logGroupName });

  const viaService = (service: string) => [{ test: "StringEquals", variable: "kms:ViaService", values: [`${service}.${region}.amazonaws.com`] }];
  const firehoseRole = serviceRole(stack, "firehose-role", {
    name: `${inputs.name}-splunk-firehose`,
    service: "firehose.amazonaws.com",
    // Firehose assumes its role with this account as the external id.
    trustConditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: [accountId] }],
    statements: [
      {
        sid: "FailedEventsBucket",
        effect: "Allow",
        actions: ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"],
        resources: [failed.bucketArn, `${failed.bucketArn}/*`],
      },
      { sid: "FailedEventsKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [keys.logs.keyArn], condition: viaService("s3") },
      { sid: "HecToken", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: [token.secretArn] },
      { sid: "HecTokenKey", effect: "Allow", actions: ["kms:Decrypt"], resources: [keys.data.keyArn], condition: viaService("secretsmanager") },
      { sid: "DeliveryErrors", effect: "Allow", actions: ["logs:PutLogEvents"], resources: [`${errors.logGroupArn}:log-stream:*`] },
    ],
  });

  const stream = new KinesisFirehoseDeliveryStream(stack, "stream", {
    name: streamName,
    destination: "splunk",
    serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: keys.logs.keyArn },
    splunkConfiguration: {
      hecEndpoint: inputs.hecEndpoint,
      hecEndpointType: inputs.hecEndpointType,
      hecAcknowledgmentTimeout: inputs.hecAcknowledgmentTimeoutSeconds,
      retryDuration: inputs.retryDurationSeconds,
      secretsManagerConfiguration: { enabled: true, secretArn: token.secretArn, roleArn: firehoseRole.arn },
      s3BackupMode: "FailedEventsOnly",
      s3Configuration: {
        roleArn: firehoseRole.arn,
        bucketArn: failed.bucketArn,
        kmsKeyArn: keys.logs.keyArn,
        compressionFormat: "GZIP",
        // Firehose adds "splunk-failed/" under it for what Splunk refused.
        prefix: "failed/",
        cloudwatchLoggingOptions: { enabled: true, logGroupName: errors.logGroupName, logStreamName: backupStream.name },
      },
      // CloudWatch Logs sends gzip-compressed batches of JSON: Splunk gets the log messages themselves.
      processingConfiguration: {
        enabled: true,
        processors: [
          { type: "Decompression", parameters: [{ parameterName: "CompressionFormat", parameterValue: "GZIP" }] },
          { type: "CloudWatchLogProcessing", parameters: [{ parameterName: "DataMessageExtraction", parameterValue: "true" }] },
        ],
      },
      cloudwatchLoggingOptions: { enabled: true, logGroupName: errors.logGroupName, logStreamName: destinationStream.name },
    },
    tags: { Name: streamName },
  });

  const logsRole = serviceRole(stack, "subscription-role", {
    name: `${inputs.name}-logs-to-splunk`,
    service: "logs.amazonaws.com",
    // CloudWatch Logs of this account and region only (the source ARN form AWS documents for subscriptions);
    // the role can do nothing but put into this one stream.
    trustConditions: [{ test: "StringLike", variable: "aws:SourceArn", values: [`arn:aws:logs:${region}:${accountId}:*`] }],
    statements: [{ sid: "PutIntoStream", effect: "Allow", actions: ["firehose:PutRecord", "firehose:PutRecordBatch"], resources: [stream.arn] }],
  });
  shipped.forEach((group, i) => {
    new CloudwatchLogSubscriptionFilter(stack, `subscription-${i}`, {
      name: streamName,
      logGroupName: group,
      // Every event.
      filterPattern: "",
      destinationArn: stream.arn,
      roleArn: logsRole.arn,
    });
  });

  return { deliveryStreamArn: stream.arn, shippedLogGroups: shipped };
};
