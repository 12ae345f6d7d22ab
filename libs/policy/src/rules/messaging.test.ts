import { ruleCases } from "../rule-cases";
import { CMK } from "./helpers";
import { snsEncryption, sqsEncryption, timestreamEncryption } from "./messaging-encryption";
import { snsPolicy, sqsPolicy } from "./messaging-policies";
import { sqsRedrive } from "./sqs-redrive";

const key = { aws_kms_key: { k: {} } };
const tlsOnly = (service: string, extra: object[] = []) =>
  JSON.stringify({
    Statement: [{ Effect: "Deny", Principal: "*", Action: `${service}:*`, Condition: { Bool: { "aws:SecureTransport": "false" } } }, ...extra],
  });

ruleCases(sqsEncryption, "INF-SQS-001 queue encryption", {
  compliant: {
    name: "our key on a queue passes",
    input: () => ({ ...key, aws_sqs_queue: { q: { kms_master_key_id: "${aws_kms_key.k.arn}" } } }),
    statuses: { "aws_sqs_queue.q": "passed" },
  },
  noncompliant: [
    {
      name: "SQS-managed SSE fails",
      input: () => ({ aws_sqs_queue: { q: { sqs_managed_sse_enabled: true } } }),
      failures: [{ address: "aws_sqs_queue.q", attribute: "kms_master_key_id", found: "unset", expected: CMK }],
    },
  ],
});

ruleCases(snsEncryption, "INF-SNS-001 topic encryption", {
  compliant: {
    name: "our key on a topic passes",
    input: () => ({ ...key, aws_sns_topic: { t: { kms_master_key_id: "${aws_kms_key.k.id}" } } }),
    statuses: { "aws_sns_topic.t": "passed" },
  },
  noncompliant: [
    {
      name: "the aws/sns key fails",
      input: () => ({ aws_sns_topic: { t: { kms_master_key_id: "alias/aws/sns" } } }),
      failures: [{ address: "aws_sns_topic.t", attribute: "kms_master_key_id", found: "alias/aws/sns", expected: CMK }],
    },
  ],
});

ruleCases(timestreamEncryption, "INF-TS-001 Timestream encryption", {
  compliant: {
    name: "our key on a Timestream database passes",
    input: () => ({ ...key, aws_timestreamwrite_database: { d: { kms_key_id: "${aws_kms_key.k.arn}" } } }),
    statuses: { "aws_timestreamwrite_database.d": "passed" },
  },
  noncompliant: [
    {
      name: "the default Timestream key fails",
      input: () => ({ aws_timestreamwrite_database: { d: {} } }),
      failures: [{ address: "aws_timestreamwrite_database.d", attribute: "kms_key_id", found: "unset", expected: CMK }],
    },
  ],
});

ruleCases(sqsRedrive, "INF-SQS-002 redrive", {
  compliant: {
    name: "a queue redriving to its DLQ passes; the DLQ is not checked",
    input: () => ({
      aws_sqs_queue: { work: { redrive_policy: JSON.stringify({ deadLetterTargetArn: "${aws_sqs_queue.dlq.arn}", maxReceiveCount: 5 }) }, dlq: {} },
    }),
    statuses: { "aws_sqs_queue.work": "passed" },
  },
  noncompliant: [
    {
      name: "a queue without redrive fails",
      input: () => ({ aws_sqs_queue: { work: {} } }),
      failures: [
        {
          address: "aws_sqs_queue.work",
          attribute: "redrive_policy",
          found: "unset",
          expected: "a deadLetterTargetArn and maxReceiveCount",
        },
      ],
    },
  ],
});

const send = {
  Effect: "Allow",
  Principal: { Service: "events.amazonaws.com" },
  Action: "sqs:SendMessage",
  Condition: { ArnEquals: { "aws:SourceArn": "${aws_cloudwatch_event_rule.r.arn}" } },
};

ruleCases(sqsPolicy, "INF-SQS-003 queue policy", {
  compliant: {
    name: "a TLS-only policy with named principals passes",
    input: () => ({ aws_sqs_queue: { q: {} }, aws_sqs_queue_policy: { q: { queue_url: "${aws_sqs_queue.q.id}", policy: tlsOnly("sqs", [send]) } } }),
    statuses: { "aws_sqs_queue.q": "passed" },
  },
  noncompliant: [
    {
      name: "no policy fails",
      input: () => ({ aws_sqs_queue: { q: {} } }),
      failures: [
        {
          address: "aws_sqs_queue.q",
          attribute: "policy",
          found: "unset",
          expected: 'a statement Deny sqs:* for Principal "*" when aws:SecureTransport = false',
        },
      ],
    },
  ],
});

// A topic's data path is Publish: denying exactly sns:Publish without TLS is TLS-only (cdk-nag SNS3).
const publishOnly = JSON.stringify({
  Statement: [{ Effect: "Deny", Principal: "*", Action: "sns:Publish", Condition: { Bool: { "aws:SecureTransport": "false" } } }],
});
const open = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sns:*" }] });
const topicPolicy = { address: "aws_sns_topic.t", attribute: "aws_sns_topic_policy.t.policy" };

ruleCases(snsPolicy, "INF-SNS-002 topic policy", {
  compliant: [
    { name: "a TLS-only policy passes", input: () => ({ aws_sns_topic: { t: { policy: tlsOnly("sns") } } }), statuses: { "aws_sns_topic.t": "passed" } },
    {
      name: "a TLS-only deny of sns:Publish passes",
      input: () => ({ aws_sns_topic: { t: { policy: publishOnly } } }),
      statuses: { "aws_sns_topic.t": "passed" },
    },
  ],
  noncompliant: [
    {
      name: "an open wildcard policy without TLS deny fails",
      input: () => ({ aws_sns_topic: { t: {} }, aws_sns_topic_policy: { t: { arn: "${aws_sns_topic.t.arn}", policy: open } } }),
      failures: [
        { ...topicPolicy, found: "no TLS-only deny", expected: 'a statement Deny sns:* for Principal "*" when aws:SecureTransport = false' },
        { ...topicPolicy, found: 'Allow to Principal "*" without condition', expected: 'no unconditioned "*" principal' },
        { ...topicPolicy, found: "Allow sns:*", expected: "named actions only" },
      ],
    },
  ],
});
