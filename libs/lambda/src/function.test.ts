import { describe, expect, it } from "vitest";
import { LambdaFunction, type LambdaFunctionProps } from "./function";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const props: LambdaFunctionProps = {
  name: "aerologue-dev-etl-flight-data",
  runtime: "nodejs20.x",
  handler: "index.handler",
  code: { s3Bucket: "artifacts", s3Key: "etl-flight-data/1.2.3.zip" },
  memorySize: 1024,
  timeout: 60,
  kmsKeyArn: KEY,
  logging: { retentionDays: 30 },
  reservedConcurrency: 10,
  layers: ["arn:aws:lambda:us-east-1:111111111111:layer:common-utils:3"],
  environment: { LOG_LEVEL: "debug", ENVIRONMENT: "dev" },
};

function statementsOf(doc: Json): Json[] {
  return doc.statement as Json[];
}

describe("LambdaFunction", () => {
  it("synthesizes the function with seed 000's numbers, arm64, tracing, CMK and its own log group", () => {
    const { resource } = synthJson((s) => new LambdaFunction(s, "etl", props));
    const fn = only(resource.aws_lambda_function, "function");
    expect(fn).toMatchObject({
      function_name: "aerologue-dev-etl-flight-data",
      runtime: "nodejs20.x",
      handler: "index.handler",
      package_type: "Zip",
      s3_bucket: "artifacts",
      s3_key: "etl-flight-data/1.2.3.zip",
      architectures: ["arm64"],
      memory_size: 1024,
      timeout: 60,
      reserved_concurrent_executions: 10,
      kms_key_arn: KEY,
      layers: ["arn:aws:lambda:us-east-1:111111111111:layer:common-utils:3"],
      environment: { variables: { LOG_LEVEL: "debug", ENVIRONMENT: "dev" } },
      tracing_config: { mode: "Active" },
      publish: false,
      role: expect.stringMatching(/^\$\{aws_iam_role\.etl_role_[A-Z0-9]+\.arn\}$/),
      logging_config: { log_format: "JSON", log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.etl_log-group_[A-Z0-9]+\.name\}$/) },
    });
    expect(fn.vpc_config).toBeUndefined();
    expect(fn.dead_letter_config).toBeUndefined();
    expect(fn.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\.etl_base-role-policy_/)]);

    const group = only(resource.aws_cloudwatch_log_group, "log group");
    expect(group).toMatchObject({ name: "/aws/lambda/aerologue-dev-etl-flight-data", retention_in_days: 30, kms_key_id: KEY });
    expect(only(resource.aws_iam_role, "role").name).toBe("aerologue-dev-etl-flight-data-role");
  });

  it("scopes log writing to its own log group and allows only X-Ray beyond that", () => {
    const { data, resource } = synthJson((s) => new LambdaFunction(s, "etl", props));
    const docs = data.aws_iam_policy_document as Json;
    const baseName = Object.keys(docs).find((k) => k.startsWith("etl_base-policy"))!;
    expect(statementsOf(docs[baseName])).toEqual([
      {
        sid: "WriteOwnLogs",
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.etl_log-group_[A-Z0-9]+\.arn\}:\*$/)],
      },
      { sid: "WriteTraces", effect: "Allow", actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources: ["*"] },
    ]);
    const assumeName = Object.keys(docs).find((k) => k.startsWith("etl_assume-role"))!;
    expect(statementsOf(docs[assumeName])[0].principals).toEqual([{ type: "Service", identifiers: ["lambda.amazonaws.com"] }]);
    expect(only(resource.aws_iam_role_policy, "policy")).toMatchObject({ name: "base", policy: `\${data.aws_iam_policy_document.${baseName}.json}` });
  });

  it("adds VPC ENI permissions, a VPC config and dead-letter permissions when asked", () => {
    const { resource, data } = synthJson(
      (s) =>
        new LambdaFunction(s, "ws", {
          ...props,
          vpc: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-lambda"] },
          deadLetterTarget: { type: "sqs", arn: "arn:aws:sqs:us-east-1:111111111111:dlq", kmsKeyArn: KEY },
          tracing: "PassThrough",
          architecture: "x86_64",
        }),
    );
    const fn = only(resource.aws_lambda_function, "function");
    expect(fn.vpc_config).toEqual({ subnet_ids: ["subnet-a", "subnet-b"], security_group_ids: ["sg-lambda"] });
    expect(fn.dead_letter_config).toEqual({ target_arn: "arn:aws:sqs:us-east-1:111111111111:dlq" });
    expect(fn.tracing_config).toEqual({ mode: "PassThrough" });
    expect(fn.architectures).toEqual(["x86_64"]);
    const base = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("ws_base-policy"))![1];
    expect(statementsOf(base).map((s) => s.sid)).toEqual([
      "WriteOwnLogs",
      "WriteTraces",
      "ManageVpcEnis",
      "ReleaseVpcEnis",
      "SendToDeadLetterTarget",
      "EncryptDeadLetters",
    ]);
    expect(statementsOf(base)[3].resources).toEqual(["arn:aws:ec2:*:*:network-interface/*"]);
    expect(statementsOf(base)[4]).toMatchObject({ actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:111111111111:dlq"] });
    expect(statementsOf(base)[5]).toMatchObject({ actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [KEY] });
  });

  it("deploys a container image without runtime or handler", () => {
    const { resource } = synthJson(
      (s) =>
        new LambdaFunction(s, "img", {
          name: "img",
          code: { imageUri: "111111111111.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc" },
          kmsKeyArn: KEY,
          logging: { retentionDays: 7, applicationLogLevel: "WARN" },
        }),
    );
    const fn = only(resource.aws_lambda_function, "function");
    expect(fn).toMatchObject({
      package_type: "Image",
      image_uri: "111111111111.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc",
      memory_size: 128,
      timeout: 3,
    });
    expect(fn.logging_config.application_log_level).toBe("WARN");
    expect(fn.runtime).toBeUndefined();
    expect(fn.handler).toBeUndefined();
    expect(fn.environment).toBeUndefined();
  });

  it("grants one named inline policy per statement and refuses duplicates", () => {
    const { resource, data } = synthJson((s) => {
      const fn = new LambdaFunction(s, "fn", props);
      fn.addToRolePolicy({
        sid: "ReadSessions",
        actions: ["dynamodb:GetItem", "dynamodb:Query"],
        resources: ["arn:aws:dynamodb:us-east-1:111111111111:table/user_sessions"],
        conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["us-east-1"] }],
      });
      expect(() => fn.addToRolePolicy({ sid: "ReadSessions", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] })).toThrow(
        'sid "ReadSessions" is already granted to this function\'s role',
      );
      expect(() => fn.addToRolePolicy({ sid: "bad-sid", actions: ["s3:GetObject"], resources: ["x"] })).toThrow(
        'sid "bad-sid" must be 1-100 letters and digits',
      );
      expect(() => fn.addToRolePolicy({ sid: "Nothing", actions: ["s3:GetObject"], resources: [] })).toThrow("Nothing: no resources");
    });
    const grant = Object.entries(resource.aws_iam_role_policy as Json).find(([k]) => k.startsWith("fn_grant-ReadSessions_"))![1];
    expect(grant.name).toBe("ReadSessions");
    const doc = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("fn_grant-ReadSessions-document"))![1];
    expect(doc.statement).toEqual([
      {
        sid: "ReadSessions",
        effect: "Allow",
        actions: ["dynamodb:GetItem", "dynamodb:Query"],
        resources: ["arn:aws:dynamodb:us-east-1:111111111111:table/user_sessions"],
        condition: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["us-east-1"] }],
      },
    ]);
  });

  it("maps an SQS queue with batch size and grants consume rights on that queue only", () => {
    const queue = "arn:aws:sqs:us-east-1:111111111111:ws-broadcast";
    const { resource, data } = synthJson((s) => {
      const fn = new LambdaFunction(s, "fn", props);
      fn.addSqsEventSource("broadcast", { queueArn: queue, batchSize: 5, queueKmsKeyArn: KEY });
      fn.allowInvokeFrom("events", "events.amazonaws.com", "arn:aws:events:us-east-1:111111111111:rule/r");
    });
    expect(only(resource.aws_lambda_event_source_mapping, "mapping")).toMatchObject({
      event_source_arn: queue,
      batch_size: 5,
      function_response_types: ["ReportBatchItemFailures"],
      enabled: true,
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.fn_function_[A-Z0-9]+\.arn\}$/),
    });
    const consume = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("fn_grant-Consumebroadcast-document"))![1];
    expect(consume.statement[0]).toMatchObject({
      actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"],
      resources: [queue],
    });
    const key = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("fn_grant-ConsumebroadcastKey-document"))![1];
    expect(key.statement[0]).toMatchObject({ actions: ["kms:Decrypt"], resources: [KEY] });
    expect(only(resource.aws_lambda_permission, "permission")).toMatchObject({
      statement_id: "Allow-events",
      action: "lambda:InvokeFunction",
      principal: "events.amazonaws.com",
      source_arn: "arn:aws:events:us-east-1:111111111111:rule/r",
    });
  });

  it("rejects bad SQS mapping settings", () => {
    synthJson((s) => {
      const fn = new LambdaFunction(s, "fn", props);
      expect(() => fn.addSqsEventSource("q", { queueArn: "arn", batchSize: 100 })).toThrow("batchSize 100 above 10 needs maximumBatchingWindowSeconds >= 1");
    });
  });

  it("fails construction with every problem in one message", () => {
    expect(() => synthJson((s) => new LambdaFunction(s, "bad", { ...props, runtime: "nodejs16.x", memorySize: 20000 }))).toThrow(
      /^Lambda function "aerologue-dev-etl-flight-data": runtime "nodejs16.x" is not a supported.*; memorySize 20000 must be a whole number of MB from 128 to 10240$/,
    );
  });
});
