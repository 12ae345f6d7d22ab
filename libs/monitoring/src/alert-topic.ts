import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { type PublishTarget, markLibrary, registerPublishTarget } from "@infra/core";
import { declareServicePrincipalKeyUse } from "@infra/kms";
import { Construct, type IConstruct } from "constructs";

/**
 * The AWS services that publish alerts to an AlertTopic: CloudWatch alarms, EventBridge rules
 * and RDS event subscriptions.
 */
export const ALERT_PUBLISHER_SERVICES = ["cloudwatch.amazonaws.com", "events.amazonaws.com", "events.rds.amazonaws.com"] as const;

export interface AlertTopicProps {
  /** SNS topic name, e.g. "prod-platform-alerts". */
  readonly name: string;
  /**
   * Customer-managed KMS key for the topic. Its key policy must let the publisher services
   * (`ALERT_PUBLISHER_SERVICES`) call kms:GenerateDataKey* and kms:Decrypt; `alertTopicKeyPolicyStatements()`
   * returns those statements.
   *
   * Not alias/aws/sns on purpose: the AWS managed key's policy cannot be changed, so CloudWatch alarms,
   * EventBridge and RDS events cannot publish to a topic encrypted with it and alerts are dropped
   * silently. Pass "alias/aws/sns" explicitly only for topics that no AWS service publishes to.
   * @default none (no server-side encryption: the policy pack reports it unless waived)
   */
  readonly kmsKeyArn?: string;
  /** Email addresses subscribed to the topic (each must confirm the subscription). @default [] */
  readonly emails?: readonly string[];
  /** Phone numbers in E.164 format ("+15551234567") for SMS alerts. @default [] */
  readonly smsNumbers?: readonly string[];
  /** Display name (SMS sender prefix). @default name */
  readonly displayName?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The KMS key policy statements a CMK needs so that alarms, EventBridge and RDS events can publish to an encrypted topic. */
export function alertTopicKeyPolicyStatements(): {
  sid: string;
  effect: "Allow";
  principals: { type: "Service"; identifiers: string[] }[];
  actions: string[];
  resources: string[];
}[] {
  return [
    {
      sid: "AllowAlertPublishers",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: [...ALERT_PUBLISHER_SERVICES] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
    },
  ];
}

/** An SNS topic for alerts: email/SMS subscribers, publishing only by this account's alarms/rules/events, TLS only. */
export class AlertTopic extends Construct implements PublishTarget {
  readonly topicArn: string;
  readonly topicName: string;
  private readonly kmsKeyArn?: string;
  private readonly publishers = new Set<string>(ALERT_PUBLISHER_SERVICES);
  private readonly statements: (publishers: string[]) => DataAwsIamPolicyDocumentStatement[];
  private readonly policy: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    markLibrary(this, "monitoring");
    const emails = props.emails ?? [];
    const sms = props.smsNumbers ?? [];
    for (const e of emails) if (!EMAIL.test(e)) throw new Error(`AlertTopic ${props.name}: "${e}" is not an email address`);
    for (const n of sms) {
      if (!E164.test(n)) throw new Error(`AlertTopic ${props.name}: "${n}" is not an E.164 phone number (e.g. +15551234567)`);
    }

    const topic = new SnsTopic(this, "topic", {
      name: props.name,
      displayName: props.displayName ?? props.name,
      kmsMasterKeyId: props.kmsKeyArn,
      tags: { ...props.tags },
    });
    this.topicArn = topic.arn;
    this.topicName = topic.name;
    this.kmsKeyArn = props.kmsKeyArn;
    // The publishers the topic policy allows below encrypt with the topic's key: same list, same key.
    for (const service of ALERT_PUBLISHER_SERVICES) declareServicePrincipalKeyUse(this, props.kmsKeyArn, service);

    const account = new DataAwsCallerIdentity(this, "account");
    this.statements = (publishers) => [
      {
        sid: "AllowOwnerAccount",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${account.accountId}:root`] }],
        actions: [
          "sns:GetTopicAttributes",
          "sns:SetTopicAttributes",
          "sns:AddPermission",
          "sns:RemovePermission",
          "sns:DeleteTopic",
          "sns:Subscribe",
          "sns:ListSubscriptionsByTopic",
          "sns:Publish",
        ],
        resources: [topic.arn],
      },
      {
        // Alarms, EventBridge rules and RDS event subscriptions of this account only (confused deputy).
        sid: "AllowAlertPublishers",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: publishers }],
        actions: ["sns:Publish"],
        resources: [topic.arn],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] }],
      },
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["sns:Publish"],
        resources: [topic.arn],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ];
    this.policy = new DataAwsIamPolicyDocument(this, "policy-doc", { statement: this.statements([...this.publishers]) });
    new SnsTopicPolicy(this, "policy", { arn: topic.arn, policy: this.policy.json });
    registerPublishTarget(this, [this.topicArn]);

    // Subscriptions are keyed by their endpoint, so reordering the list does not re-subscribe anyone.
    for (const email of emails) {
      new SnsTopicSubscription(this, `email-${email}`, { topicArn: topic.arn, protocol: "email", endpoint: email });
    }
    for (const number of sms) {
      new SnsTopicSubscription(this, `sms-${number}`, { topicArn: topic.arn, protocol: "sms", endpoint: number });
    }
  }

  /**
   * Let another AWS service of this account publish (e.g. AWS Budgets, which a `Budget` notifying
   * this topic asks for through `declarePublisher`): the topic policy and the topic's key both.
   */
  allowServicePublisher(servicePrincipal: string, by: IConstruct): void {
    if (this.publishers.has(servicePrincipal)) return;
    this.publishers.add(servicePrincipal);
    declareServicePrincipalKeyUse(by, this.kmsKeyArn, servicePrincipal);
    this.policy.putStatement(this.statements([...this.publishers].sort()));
  }
}
