import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { CMK } from "./helpers";
import { snsEncryption, sqsEncryption, timestreamEncryption } from "./messaging-encryption";
import { snsPolicy, sqsPolicy } from "./messaging-policies";
import { sqsRedrive } from "./sqs-redrive";

const key = { aws_kms_key: { k: {} } };
const tlsOnly = (service: string, extra: object[] = []) =>
  JSON.stringify({
    Statement: [{ Effect: "Deny", Principal: "*", Action: `${service}:*`, Condition: { Bool: { "aws:SecureTransport": "false" } } }, ...extra],
  });

describe("INF-SQS-001 / INF-SNS-001 / INF-TS-001 encryption", () => {
  it("Compliance: our key on a queue, a topic and a Timestream database passes", () => {
    expect(statuses(sqsEncryption, { ...key, aws_sqs_queue: { q: { kms_master_key_id: "${aws_kms_key.k.arn}" } } })).toEqual({ "aws_sqs_queue.q": "passed" });
    expect(statuses(snsEncryption, { ...key, aws_sns_topic: { t: { kms_master_key_id: "${aws_kms_key.k.id}" } } })).toEqual({ "aws_sns_topic.t": "passed" });
    expect(statuses(timestreamEncryption, { ...key, aws_timestreamwrite_database: { d: { kms_key_id: "${aws_kms_key.k.arn}" } } })).toEqual({
      "aws_timestreamwrite_database.d": "passed",
    });
  });
  it("Noncompliance: SQS-managed SSE, the aws/sns key and the default Timestream key fail", () => {
    expect(failures(sqsEncryption, { aws_sqs_queue: { q: { sqs_managed_sse_enabled: true } } })).toEqual([
      { rule: "INF-SQS-001", address: "aws_sqs_queue.q", attribute: "kms_master_key_id", found: "unset", expected: CMK },
    ]);
    expect(failures(snsEncryption, { aws_sns_topic: { t: { kms_master_key_id: "alias/aws/sns" } } })).toEqual([
      { rule: "INF-SNS-001", address: "aws_sns_topic.t", attribute: "kms_master_key_id", found: "alias/aws/sns", expected: CMK },
    ]);
    expect(failures(timestreamEncryption, { aws_timestreamwrite_database: { d: {} } })).toEqual([
      { rule: "INF-TS-001", address: "aws_timestreamwrite_database.d", attribute: "kms_key_id", found: "unset", expected: CMK },
    ]);
  });
});

describe("INF-SQS-002 redrive", () => {
  it("Compliance: a queue redriving to its DLQ passes; the DLQ is not checked", () =>
    expect(
      statuses(sqsRedrive, {
        aws_sqs_queue: { work: { redrive_policy: JSON.stringify({ deadLetterTargetArn: "${aws_sqs_queue.dlq.arn}", maxReceiveCount: 5 }) }, dlq: {} },
      }),
    ).toEqual({ "aws_sqs_queue.work": "passed" }));
  it("Noncompliance: a queue without redrive fails", () =>
    expect(failures(sqsRedrive, { aws_sqs_queue: { work: {} } })).toEqual([
      {
        rule: "INF-SQS-002",
        address: "aws_sqs_queue.work",
        attribute: "redrive_policy",
        found: "unset",
        expected: "a deadLetterTargetArn and maxReceiveCount",
      },
    ]));
});

describe("INF-SQS-003 / INF-SNS-002 resource policies", () => {
  it("Compliance: TLS-only policies with named principals pass", () => {
    const send = {
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Condition: { ArnEquals: { "aws:SourceArn": "${aws_cloudwatch_event_rule.r.arn}" } },
    };
    expect(
      statuses(sqsPolicy, { aws_sqs_queue: { q: {} }, aws_sqs_queue_policy: { q: { queue_url: "${aws_sqs_queue.q.id}", policy: tlsOnly("sqs", [send]) } } }),
    ).toEqual({ "aws_sqs_queue.q": "passed" });
    expect(statuses(snsPolicy, { aws_sns_topic: { t: { policy: tlsOnly("sns") } } })).toEqual({ "aws_sns_topic.t": "passed" });
    // A topic's data path is Publish: denying exactly sns:Publish without TLS is TLS-only (cdk-nag SNS3).
    const publishOnly = JSON.stringify({
      Statement: [{ Effect: "Deny", Principal: "*", Action: "sns:Publish", Condition: { Bool: { "aws:SecureTransport": "false" } } }],
    });
    expect(statuses(snsPolicy, { aws_sns_topic: { t: { policy: publishOnly } } })).toEqual({ "aws_sns_topic.t": "passed" });
  });
  it("Noncompliance: no policy, and an open wildcard policy without TLS deny, fail", () => {
    expect(failures(sqsPolicy, { aws_sqs_queue: { q: {} } })).toEqual([
      {
        rule: "INF-SQS-003",
        address: "aws_sqs_queue.q",
        attribute: "policy",
        found: "unset",
        expected: 'a statement Deny sqs:* for Principal "*" when aws:SecureTransport = false',
      },
    ]);
    const open = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sns:*" }] });
    expect(failures(snsPolicy, { aws_sns_topic: { t: {} }, aws_sns_topic_policy: { t: { arn: "${aws_sns_topic.t.arn}", policy: open } } })).toEqual([
      {
        rule: "INF-SNS-002",
        address: "aws_sns_topic.t",
        attribute: "aws_sns_topic_policy.t.policy",
        found: "no TLS-only deny",
        expected: 'a statement Deny sns:* for Principal "*" when aws:SecureTransport = false',
      },
      {
        rule: "INF-SNS-002",
        address: "aws_sns_topic.t",
        attribute: "aws_sns_topic_policy.t.policy",
        found: 'Allow to Principal "*" without condition',
        expected: 'no unconditioned "*" principal',
      },
      { rule: "INF-SNS-002", address: "aws_sns_topic.t", attribute: "aws_sns_topic_policy.t.policy", found: "Allow sns:*", expected: "named actions only" },
    ]);
  });
});
