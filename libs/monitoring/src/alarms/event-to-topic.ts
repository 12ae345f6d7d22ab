import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import type { Construct } from "constructs";

/**
 * An alarm that is an event, not a metric: an EventBridge rule ("rule") and its SNS target ("to-sns",
 * target id "alert-topic") that sends a readable one-line message instead of the raw event JSON.
 * The topic must let events.amazonaws.com publish (an AlertTopic does).
 */
export function eventRuleToTopic(
  scope: Construct,
  props: {
    readonly name: string;
    readonly description: string;
    readonly pattern: Record<string, unknown>;
    readonly topicArn: string;
    readonly message: { readonly inputPaths: Readonly<Record<string, string>>; readonly template: string };
    readonly tags?: Readonly<Record<string, string>>;
  },
): CloudwatchEventRule {
  const rule = new CloudwatchEventRule(scope, "rule", {
    name: props.name,
    description: props.description,
    eventPattern: JSON.stringify(props.pattern),
    state: "ENABLED",
    tags: { ...props.tags },
  });
  new CloudwatchEventTarget(scope, "to-sns", {
    rule: rule.name,
    targetId: "alert-topic",
    arn: props.topicArn,
    inputTransformer: { inputPaths: { ...props.message.inputPaths }, inputTemplate: props.message.template },
  });
  return rule;
}
