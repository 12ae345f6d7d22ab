import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { eventRuleToTopic } from "./event-to-topic";

export interface SecretRotationFailureAlarmProps {
  /** EventBridge rule name. */
  readonly name: string;
  /** ARNs of the secrets whose failed rotations are reported (at least one). */
  readonly secretArns: readonly string[];
  /** The SNS topic (an AlertTopic allows events.amazonaws.com to publish). */
  readonly topicArn: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Secrets Manager's `RotationFailed` service events (delivered through CloudTrail) of exactly these secrets. */
export function rotationFailedPattern(secretArns: readonly string[]): Record<string, unknown> {
  return {
    source: ["aws.secretsmanager"],
    "detail-type": ["AWS Service Event via CloudTrail"],
    detail: { eventSource: ["secretsmanager.amazonaws.com"], eventName: ["RotationFailed"], additionalEventData: { SecretId: [...secretArns] } },
  };
}

/**
 * A failed rotation, to SNS. CloudWatch has no metric for it; Secrets Manager emits a `RotationFailed`
 * service event with the secret's ARN. A failed rotation leaves the secret's AWSPENDING version in place
 * and retries; the people on call learn of it at the first failure instead of at the next login error.
 */
export class SecretRotationFailureAlarm extends Construct {
  readonly ruleArn: string;

  constructor(scope: Construct, id: string, props: SecretRotationFailureAlarmProps) {
    super(scope, id);
    markLibrary(this, "monitoring");
    if (props.secretArns.length === 0) throw new Error(`SecretRotationFailureAlarm ${this.node.path}: secretArns must list at least one secret`);
    const rule = eventRuleToTopic(this, {
      name: props.name,
      description: "Secrets Manager rotations that failed",
      pattern: rotationFailedPattern(props.secretArns),
      topicArn: props.topicArn,
      message: {
        inputPaths: { secret: "$.detail.additionalEventData.SecretId", time: "$.time" },
        template: '"Secrets Manager rotation of <secret> failed at <time>: see the rotation function\'s log"',
      },
      ...(props.tags ? { tags: props.tags } : {}),
    });
    this.ruleArn = rule.arn;
  }
}
