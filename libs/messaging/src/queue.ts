import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { SqsQueueRedriveAllowPolicy } from "@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { type GrantOptions, type Grantee, grantOptions, grantStatements, sidOf, toJsonStatement } from "@infra/iam";
import { declareServicePrincipalKeyUse } from "@infra/kms";
import { Construct } from "constructs";
import { ResourcePolicyBuilder, allowServiceFrom, denyInsecureTransport } from "./resource-policy";

/** What a topic subscription, rule or schedule needs from a queue. `Queue` satisfies it. */
export interface QueueTarget {
  readonly queueArn: string;
  /** CMK of the queue, when encrypted with one: senders need kms:GenerateDataKey on it. */
  readonly kmsKeyArn?: string;
  /** FIFO queues need a message group id from every sender. */
  readonly fifo?: boolean;
  /** Add a statement to the queue policy letting an AWS service send from one source ARN. */
  allowSendFrom?(sid: string, servicePrincipal: string, sourceArn: string): void;
}

export interface AllowedSender {
  /** Statement id (letters and digits are kept). */
  readonly sid: string;
  /** e.g. "sns.amazonaws.com", "events.amazonaws.com", "s3.amazonaws.com". */
  readonly servicePrincipal: string;
  readonly sourceArn: string;
}

export interface DeadLetterQueueProps {
  /** Receives before a message moves to the DLQ. @default 3 */
  readonly maxReceiveCount?: number;
  /** Seconds the DLQ keeps messages, 60..1209600. @default 1209600 (14 days, the maximum) */
  readonly retentionSeconds?: number;
}

export interface QueueProps {
  /** Queue name without ".fifo" (added for FIFO queues); the DLQ is "<name>-dlq". */
  readonly name: string;
  /** CMK encrypting both queues. */
  readonly kmsKeyArn: string;
  /** @default false */
  readonly fifo?: boolean;
  /** FIFO only. @default false */
  readonly contentBasedDeduplication?: boolean;
  /** Seconds, 0..43200. For a Lambda consumer use at least 6x its timeout. @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** Seconds, 60..1209600. @default 345600 (4 days) */
  readonly retentionSeconds?: number;
  /** Seconds, 0..900. @default 0 */
  readonly delaySeconds?: number;
  /** Long polling, 0..20 seconds. @default 20 */
  readonly receiveWaitTimeSeconds?: number;
  /** Seconds SQS reuses a data key, 60..86400 (fewer KMS calls). @default 300 */
  readonly kmsDataKeyReusePeriodSeconds?: number;
  /**
   * AWS services allowed to send, each only from one source ARN. The declarative form of
   * {@link Queue.allowSendFrom}: use it when the sender lives in another stack, so the queue's
   * stack does not come to depend on the sender's. @default []
   */
  readonly allowedSenders?: readonly AllowedSender[];
  /** The dead-letter queue always created alongside. @default { maxReceiveCount: 3, retentionSeconds: 1209600 } */
  readonly deadLetter?: DeadLetterQueueProps;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

function range(name: string, value: number | undefined, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  return Number.isInteger(value) && value >= min && value <= max ? undefined : `${name} ${value} must be a whole number from ${min} to ${max}`;
}

/** Every validation error for a set of queue props. Pure. */
export function validateQueueProps(props: QueueProps): string[] {
  return [
    /^[A-Za-z0-9_-]{1,70}$/.test(props.name) ? undefined : `queue name "${props.name}" must be 1-70 letters, digits, "-" or "_" (without .fifo)`,
    range("visibilityTimeoutSeconds", props.visibilityTimeoutSeconds, 0, 43200),
    range("retentionSeconds", props.retentionSeconds, 60, 1209600),
    range("delaySeconds", props.delaySeconds, 0, 900),
    range("receiveWaitTimeSeconds", props.receiveWaitTimeSeconds, 0, 20),
    range("kmsDataKeyReusePeriodSeconds", props.kmsDataKeyReusePeriodSeconds, 60, 86400),
    range("deadLetter.maxReceiveCount", props.deadLetter?.maxReceiveCount, 1, 1000),
    range("deadLetter.retentionSeconds", props.deadLetter?.retentionSeconds, 60, 1209600),
    props.contentBasedDeduplication && !props.fifo ? "contentBasedDeduplication needs fifo: true" : undefined,
  ].filter((e): e is string => e !== undefined);
}

/**
 * An SQS queue encrypted with a CMK, with its dead-letter queue (redrive after `maxReceiveCount`
 * receives, DLQ accepting redrives only from this queue) and queue policies that refuse non-TLS
 * access. AWS services are allowed to send with {@link allowSendFrom}, one source ARN at a time.
 */
export class Queue extends Construct implements QueueTarget {
  readonly queueArn: string;
  readonly queueUrl: string;
  readonly queueName: string;
  readonly dlqArn: string;
  readonly dlqUrl: string;
  readonly dlqName: string;
  readonly kmsKeyArn: string;
  readonly fifo: boolean;
  private readonly policy: ResourcePolicyBuilder;

  constructor(scope: Construct, id: string, props: QueueProps) {
    super(scope, id);
    markLibrary(this, "messaging");
    throwIfInvalid(`Queue "${props.name}"`, validateQueueProps(props));
    this.fifo = props.fifo ?? false;
    this.kmsKeyArn = props.kmsKeyArn;
    const suffix = this.fifo ? ".fifo" : "";
    const tags = props.tags ?? {};
    const common = {
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: props.kmsDataKeyReusePeriodSeconds ?? 300,
      fifoQueue: this.fifo ? true : undefined,
    };

    const dlq = new SqsQueue(this, "dlq", {
      name: `${props.name}-dlq${suffix}`,
      ...common,
      messageRetentionSeconds: props.deadLetter?.retentionSeconds ?? 1209600,
      tags: { ...tags, Name: `${props.name}-dlq${suffix}` },
    });
    const queue = new SqsQueue(this, "queue", {
      name: `${props.name}${suffix}`,
      ...common,
      contentBasedDeduplication: this.fifo ? (props.contentBasedDeduplication ?? false) : undefined,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds ?? 30,
      messageRetentionSeconds: props.retentionSeconds ?? 345600,
      delaySeconds: props.delaySeconds ?? 0,
      receiveWaitTimeSeconds: props.receiveWaitTimeSeconds ?? 20,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: props.deadLetter?.maxReceiveCount ?? 3 }),
      tags: { ...tags, Name: `${props.name}${suffix}` },
    });
    new SqsQueueRedriveAllowPolicy(this, "dlq-redrive-allow", {
      queueUrl: dlq.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [queue.arn] }),
    });

    this.policy = new ResourcePolicyBuilder([denyInsecureTransport(["sqs:*"], queue.arn)]);
    this.queueArn = queue.arn;
    for (const sender of props.allowedSenders ?? []) this.allowSendFrom(sender.sid, sender.servicePrincipal, sender.sourceArn);
    new SqsQueuePolicy(this, "policy", { queueUrl: queue.url, policy: this.policy.render() });
    new SqsQueuePolicy(this, "dlq-policy", {
      queueUrl: dlq.url,
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [toJsonStatement(denyInsecureTransport(["sqs:*"], dlq.arn))] }),
    });

    this.queueUrl = queue.url;
    this.queueName = queue.name;
    this.dlqArn = dlq.arn;
    this.dlqUrl = dlq.url;
    this.dlqName = dlq.name;
  }

  /**
   * Let an AWS service (e.g. "sns.amazonaws.com", "events.amazonaws.com") send messages, only on
   * behalf of `sourceArn`. The CMK's key policy must also let that service use the key.
   * Topics and rules in the same stack call this for you; for a sender in another stack use
   * `allowedSenders` instead (calling this across stacks would make the stacks depend on each other).
   */
  allowSendFrom(sid: string, servicePrincipal: string, sourceArn: string): void {
    // The sender encrypts the message: the queue's key must let that service use it.
    declareServicePrincipalKeyUse(this, this.kmsKeyArn, servicePrincipal);
    this.policy.add(allowServiceFrom(sid, servicePrincipal, "sqs:SendMessage", this.queueArn, "ArnEquals", sourceArn));
  }

  /** Let a grantee send messages (and encrypt them with the queue's key): "<sid>", "<sid>Key"; default sid "SendTo<queue id>". A plain string sid is deprecated. */
  grantSend(grantee: Grantee, options?: GrantOptions | string): void {
    grantStatements(grantee, grantOptions(options).sid, "SendTo" + sidOf(this.node.id), [
      { suffix: "", actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], resources: [this.queueArn] },
      { suffix: "Key", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [this.kmsKeyArn] },
    ]);
  }

  /** Let a grantee receive, delete and re-time messages (and decrypt them): "<sid>", "<sid>Key"; default sid "ConsumeFrom<queue id>". */
  grantConsume(grantee: Grantee, options?: GrantOptions | string): void {
    grantStatements(grantee, grantOptions(options).sid, "ConsumeFrom" + sidOf(this.node.id), [
      {
        suffix: "",
        actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
        resources: [this.queueArn],
      },
      { suffix: "Key", actions: ["kms:Decrypt"], resources: [this.kmsKeyArn] },
    ]);
  }
}
