import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { type GrantOptions, type Grantee, grantOptions, grantStatements, sidOf } from "@infra/iam";
import { declareServicePrincipalKeyUse } from "@infra/kms";
import { type LambdaTarget, permissionStatementId } from "@infra/lambda";
import { Construct } from "constructs";
import type { QueueTarget } from "./queue";
import { ResourcePolicyBuilder, allowServiceFrom, denyInsecureTransport } from "./resource-policy";

interface SubscriptionCommon {
  /** SNS filter policy (applied to message attributes). @default none: every message */
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
}

export type TopicSubscription =
  | (SubscriptionCommon & { readonly protocol: "email" | "email-json"; readonly endpoint: string })
  | (SubscriptionCommon & { readonly protocol: "sms"; readonly endpoint: string })
  | (SubscriptionCommon & { readonly protocol: "https"; readonly endpoint: string; readonly rawMessageDelivery?: boolean })
  | (SubscriptionCommon & { readonly protocol: "sqs"; readonly queue: QueueTarget; readonly rawMessageDelivery?: boolean })
  | (SubscriptionCommon & { readonly protocol: "lambda"; readonly function: LambdaTarget });

export interface TopicProps {
  /** Topic name without ".fifo" (added for FIFO topics). */
  readonly name: string;
  /** CMK encrypting messages at rest. Its key policy must let publishers (e.g. CloudWatch) use it. */
  readonly kmsKeyArn: string;
  /** @default none */
  readonly displayName?: string;
  /** @default false */
  readonly fifo?: boolean;
  /** Subscriptions by stable name. @default {} */
  readonly subscriptions?: Readonly<Record<string, TopicSubscription>>;
  /**
   * AWS services allowed to publish, each only from one source ARN pattern (e.g. CloudWatch
   * alarms: "cloudwatch.amazonaws.com" with "arn:aws:cloudwatch:<region>:<account>:alarm:*").
   * @default []
   */
  readonly allowedPublishers?: readonly { readonly sid: string; readonly servicePrincipal: string; readonly sourceArn: string }[];
  /** X-Ray tracing of published messages. @default "PassThrough" */
  readonly tracing?: "Active" | "PassThrough";
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An SNS topic encrypted with a CMK, whose policy refuses publishing without TLS, with typed
 * subscriptions (email, sms, https, sqs, lambda). SQS and Lambda subscriptions also get the
 * queue-policy statement or Lambda permission that lets this topic, and only it, deliver.
 */
export class Topic extends Construct {
  readonly topicArn: string;
  readonly topicName: string;
  readonly kmsKeyArn: string;
  private readonly policy: ResourcePolicyBuilder;

  constructor(scope: Construct, id: string, props: TopicProps) {
    super(scope, id);
    markLibrary(this, "messaging");
    throwIfInvalid(`Topic "${props.name}"`, [
      /^[A-Za-z0-9_-]{1,251}$/.test(props.name) ? undefined : `topic name "${props.name}" must be letters, digits, "-" or "_" (without .fifo)`,
    ]);
    const name = `${props.name}${props.fifo ? ".fifo" : ""}`;
    const topic = new SnsTopic(this, "topic", {
      name,
      displayName: props.displayName,
      kmsMasterKeyId: props.kmsKeyArn,
      fifoTopic: props.fifo ? true : undefined,
      tracingConfig: props.tracing ?? "PassThrough",
      tags: { ...(props.tags ?? {}), Name: name },
    });
    this.topicArn = topic.arn;
    this.topicName = topic.name;
    this.kmsKeyArn = props.kmsKeyArn;

    // Same-account IAM principals still publish through their identity policies.
    this.policy = new ResourcePolicyBuilder([denyInsecureTransport(["sns:Publish", "sns:Subscribe"], topic.arn)]);
    new SnsTopicPolicy(this, "policy", { arn: topic.arn, policy: this.policy.render() });
    for (const p of props.allowedPublishers ?? []) this.allowPublishFrom(p.sid, p.servicePrincipal, p.sourceArn);

    for (const [subId, sub] of Object.entries(props.subscriptions ?? {})) this.addSubscription(subId, sub);
  }

  addSubscription(id: string, sub: TopicSubscription): void {
    const filter = sub.filterPolicy ? { filterPolicy: JSON.stringify(sub.filterPolicy) } : {};
    switch (sub.protocol) {
      case "sqs": {
        sub.queue.allowSendFrom?.(`FromTopic${sidOf(this.node.id)}${sidOf(id)}`, "sns.amazonaws.com", this.topicArn);
        new SnsTopicSubscription(this, `sub-${id}`, {
          topicArn: this.topicArn,
          protocol: "sqs",
          endpoint: sub.queue.queueArn,
          rawMessageDelivery: sub.rawMessageDelivery ?? false,
          ...filter,
        });
        return;
      }
      case "lambda": {
        new LambdaPermission(this, `sub-${id}-permission`, {
          statementId: permissionStatementId("AllowTopic", this.node.id, id),
          action: "lambda:InvokeFunction",
          functionName: sub.function.functionName,
          principal: "sns.amazonaws.com",
          sourceArn: this.topicArn,
        });
        new SnsTopicSubscription(this, `sub-${id}`, { topicArn: this.topicArn, protocol: "lambda", endpoint: sub.function.functionArn, ...filter });
        return;
      }
      case "https":
        new SnsTopicSubscription(this, `sub-${id}`, {
          topicArn: this.topicArn,
          protocol: "https",
          endpoint: sub.endpoint,
          rawMessageDelivery: sub.rawMessageDelivery ?? false,
          ...filter,
        });
        return;
      default:
        // email / sms: confirmed out of band; Terraform keeps them pending until then.
        new SnsTopicSubscription(this, `sub-${id}`, { topicArn: this.topicArn, protocol: sub.protocol, endpoint: sub.endpoint, ...filter });
    }
  }

  /**
   * Let an AWS service publish, only on behalf of `sourceArn` (e.g. "cloudwatch.amazonaws.com"
   * with an alarm ARN pattern, "events.amazonaws.com" with a rule ARN).
   */
  allowPublishFrom(sid: string, servicePrincipal: string, sourceArn: string): void {
    // The service encrypts what it publishes: the topic's key must let it (account-wide: the key
    // lives in another stack, which must not depend on this one's resources).
    declareServicePrincipalKeyUse(this, this.kmsKeyArn, servicePrincipal);
    this.policy.add(allowServiceFrom(sid, servicePrincipal, "sns:Publish", this.topicArn, "ArnLike", sourceArn));
  }

  /** Let a grantee publish (and encrypt with the topic's key): "<sid>", "<sid>Key"; default sid "PublishTo<topic id>". A plain string sid is deprecated. */
  grantPublish(grantee: Grantee, options?: GrantOptions | string): void {
    grantStatements(grantee, grantOptions(options).sid, "PublishTo" + sidOf(this.node.id), [
      { suffix: "", actions: ["sns:Publish"], resources: [this.topicArn] },
      { suffix: "Key", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [this.kmsKeyArn] },
    ]);
  }
}
