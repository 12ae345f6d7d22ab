import { describe, expect, it } from "vitest";
import { Queue } from "./queue";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";
import { Topic } from "./topic";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const grants: Json[] = [];
const grantee = { addToRolePolicy: (s: Json) => grants.push(s) };

function byPrefix(block: Json, prefix: string): Json {
  const hit = Object.entries(block).find(([k]) => k.startsWith(prefix));
  if (!hit) throw new Error(`no ${prefix} in ${Object.keys(block).join(", ")}`);
  return hit[1] as Json;
}

describe("Queue", () => {
  it("creates a CMK queue with a DLQ after 3 receives, TLS-only policies and redrive only from itself", () => {
    const { resource } = synthJson((s) => new Queue(s, "broadcast", { name: "aerologue-dev-ws-broadcast", kmsKeyArn: KEY, visibilityTimeoutSeconds: 180 }));
    const queues = resource.aws_sqs_queue as Json;
    const main = byPrefix(queues, "broadcast_queue_");
    const dlq = byPrefix(queues, "broadcast_dlq_");
    const dlqName = Object.keys(queues).find((k) => k.startsWith("broadcast_dlq_"))!;
    expect(main).toMatchObject({
      name: "aerologue-dev-ws-broadcast",
      kms_master_key_id: KEY,
      kms_data_key_reuse_period_seconds: 300,
      visibility_timeout_seconds: 180,
      message_retention_seconds: 345600,
      receive_wait_time_seconds: 20,
      delay_seconds: 0,
    });
    expect(JSON.parse(main.redrive_policy)).toEqual({ deadLetterTargetArn: `\${aws_sqs_queue.${dlqName}.arn}`, maxReceiveCount: 3 });
    expect(dlq).toMatchObject({ name: "aerologue-dev-ws-broadcast-dlq", kms_master_key_id: KEY, message_retention_seconds: 1209600 });
    expect(dlq.redrive_policy).toBeUndefined();
    const allow = only(resource.aws_sqs_queue_redrive_allow_policy, "redrive allow");
    expect(JSON.parse(allow.redrive_allow_policy)).toEqual({
      redrivePermission: "byQueue",
      sourceQueueArns: [expect.stringMatching(/^\$\{aws_sqs_queue\.broadcast_queue_/)],
    });

    for (const [name, policy] of Object.entries(resource.aws_sqs_queue_policy as Json)) {
      const doc = JSON.parse((policy as Json).policy);
      expect(doc.Statement[0], name).toEqual({
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sqs:*",
        Resource: expect.stringMatching(/^\$\{aws_sqs_queue\.broadcast_(queue|dlq)_[A-Z0-9]+\.arn\}$/),
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
    }
  });

  it("FIFO queues get the .fifo suffix on both queues; bad numbers fail with every reason", () => {
    const { resource } = synthJson(
      (s) => new Queue(s, "q", { name: "orders", kmsKeyArn: KEY, fifo: true, contentBasedDeduplication: true, deadLetter: { maxReceiveCount: 5 } }),
    );
    const names = Object.values(resource.aws_sqs_queue as Json)
      .map((q) => (q as Json).name)
      .sort();
    expect(names).toEqual(["orders-dlq.fifo", "orders.fifo"]);
    expect(() =>
      synthJson(
        (s) => new Queue(s, "q", { name: "q", kmsKeyArn: KEY, visibilityTimeoutSeconds: 50000, receiveWaitTimeSeconds: 21, contentBasedDeduplication: true }),
      ),
    ).toThrow(
      'Queue "q": visibilityTimeoutSeconds 50000 must be a whole number from 0 to 43200; receiveWaitTimeSeconds 21 must be a whole number from 0 to 20; contentBasedDeduplication needs fifo: true',
    );
  });

  it("grants send and consume with the key, and allows a service from one source", () => {
    grants.length = 0;
    const { resource } = synthJson((s) => {
      const q = new Queue(s, "jobs", { name: "jobs", kmsKeyArn: KEY });
      q.grantSend(grantee);
      q.grantConsume(grantee);
      q.allowSendFrom("from-alarms", "events.amazonaws.com", "arn:aws:events:us-east-1:111111111111:rule/r");
    });
    expect(grants.map((g) => [g.sid, g.actions])).toEqual([
      ["SendToJobs", ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]],
      ["SendToJobsKey", ["kms:GenerateDataKey", "kms:Decrypt"]],
      ["ConsumeFromJobs", ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]],
      ["ConsumeFromJobsKey", ["kms:Decrypt"]],
    ]);
    expect(grants[1]!.resources).toEqual([KEY]);
    const policy = JSON.parse(byPrefix(resource.aws_sqs_queue_policy as Json, "jobs_policy_").policy);
    expect(policy.Statement[1]).toEqual({
      Sid: "FromAlarms",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: expect.stringMatching(/^\$\{aws_sqs_queue\.jobs_queue_/),
      Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:events:us-east-1:111111111111:rule/r" } },
    });
  });
});

describe("Topic", () => {
  it("encrypts, denies non-TLS, and wires email, sqs and lambda subscriptions with scoped permissions", () => {
    const { resource } = synthJson((s) => {
      const q = new Queue(s, "fanout", { name: "fanout", kmsKeyArn: KEY });
      new Topic(s, "alerts", {
        name: "aerologue-dev-alerts",
        kmsKeyArn: KEY,
        subscriptions: {
          oncall: { protocol: "email", endpoint: "ops@example.com" },
          pager: { protocol: "sms", endpoint: "+15550100" },
          queue: { protocol: "sqs", queue: q, rawMessageDelivery: true, filterPolicy: { severity: ["critical"] } },
          fn: {
            protocol: "lambda",
            function: { functionName: "notify", functionArn: "arn:aws:lambda:us-east-1:111111111111:function:notify", invokeArn: "x" },
          },
        },
      });
    });
    const topic = only(resource.aws_sns_topic, "topic");
    expect(topic).toMatchObject({ name: "aerologue-dev-alerts", kms_master_key_id: KEY, tracing_config: "PassThrough" });
    const topicRef = expect.stringMatching(/^\$\{aws_sns_topic\.alerts_topic_[A-Z0-9]+\.arn\}$/);
    const policy = JSON.parse(only(resource.aws_sns_topic_policy, "topic policy").policy);
    expect(policy.Statement).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: ["sns:Publish", "sns:Subscribe"],
        Resource: topicRef,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
    const subs = Object.values(resource.aws_sns_topic_subscription as Json) as Json[];
    expect(subs.map((x) => x.protocol).sort()).toEqual(["email", "lambda", "sms", "sqs"]);
    const sqsSub = subs.find((x) => x.protocol === "sqs")!;
    expect(sqsSub).toMatchObject({
      raw_message_delivery: true,
      filter_policy: '{"severity":["critical"]}',
      endpoint: expect.stringMatching(/aws_sqs_queue\.fanout_queue_/),
    });
    const queuePolicy = JSON.parse(byPrefix(resource.aws_sqs_queue_policy as Json, "fanout_policy_").policy);
    expect(queuePolicy.Statement[1]).toMatchObject({
      Sid: "FromTopicAlertsQueue",
      Principal: { Service: "sns.amazonaws.com" },
      Condition: { ArnEquals: { "aws:SourceArn": topicRef } },
    });
    expect(only(resource.aws_lambda_permission, "permission")).toMatchObject({ function_name: "notify", principal: "sns.amazonaws.com", source_arn: topicRef });
  });

  it("lets a service publish from a source ARN and grants publish with the key", () => {
    grants.length = 0;
    const { resource } = synthJson((s) => {
      const t = new Topic(s, "alarms", { name: "alarms", kmsKeyArn: KEY });
      t.allowPublishFrom("cloudwatch", "cloudwatch.amazonaws.com", "arn:aws:cloudwatch:us-east-1:111111111111:alarm:*");
      t.grantPublish(grantee);
    });
    const policy = JSON.parse(only(resource.aws_sns_topic_policy, "policy").policy);
    expect(policy.Statement[1]).toMatchObject({
      Sid: "Cloudwatch",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "sns:Publish",
      Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:*" } },
    });
    expect(grants.map((g) => g.sid)).toEqual(["PublishToAlarms", "PublishToAlarmsKey"]);
  });
});

describe("declarative senders and publishers", () => {
  it("adds allowedSenders to the queue policy and allowedPublishers to the topic policy", () => {
    const { resource } = synthJson((s) => {
      new Queue(s, "q", {
        name: "q",
        kmsKeyArn: KEY,
        allowedSenders: [{ sid: "from-bucket", servicePrincipal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" }],
      });
      new Topic(s, "t", {
        name: "t",
        kmsKeyArn: KEY,
        allowedPublishers: [{ sid: "alarms", servicePrincipal: "cloudwatch.amazonaws.com", sourceArn: "arn:aws:cloudwatch:us-east-1:111111111111:alarm:*" }],
      });
    });
    const qp = JSON.parse(byPrefix(resource.aws_sqs_queue_policy as Json, "q_policy_").policy);
    expect(qp.Statement.map((x: Json) => x.Sid)).toEqual(["DenyInsecureTransport", "FromBucket"]);
    expect(qp.Statement[1].Condition).toEqual({ ArnEquals: { "aws:SourceArn": "arn:aws:s3:::uploads" } });
    const tp = JSON.parse(only(resource.aws_sns_topic_policy, "policy").policy);
    expect(tp.Statement.map((x: Json) => x.Sid)).toEqual(["DenyInsecureTransport", "Alarms"]);
  });
});
