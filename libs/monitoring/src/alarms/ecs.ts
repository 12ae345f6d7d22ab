import { Construct } from "constructs";
import { markLibrary } from "@infra/core";
import { eventRuleToTopic } from "./event-to-topic";

export interface EcsTaskFailureAlarmProps {
  /** EventBridge rule name. */
  readonly name: string;
  /** The cluster whose task failures are reported. */
  readonly clusterArn: string;
  /** The SNS topic (an AlertTopic allows events.amazonaws.com to publish). */
  readonly topicArn: string;
  /** @default a generated description */
  readonly description?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The "ECS Task State Change" events that are failures: a task that could not start, or an essential
 * container that exited with a non-zero code. Tasks stopped by deployments and scale-in
 * (stopCode ServiceSchedulerInitiated / UserInitiated) are not matched.
 */
export function ecsTaskFailurePattern(clusterArn: string): Record<string, unknown> {
  return {
    source: ["aws.ecs"],
    "detail-type": ["ECS Task State Change"],
    detail: {
      clusterArn: [clusterArn],
      lastStatus: ["STOPPED"],
      $or: [{ stopCode: ["TaskFailedToStart"] }, { stopCode: ["EssentialContainerExited"], containers: { exitCode: [{ "anything-but": 0 }] } }],
    },
  };
}

/**
 * Seed 004's "ECS task failures" alarm, as an EventBridge rule to SNS. A CloudWatch alarm cannot do it:
 * ECS publishes no metric for stopped or failed tasks (Container Insights only counts running and
 * pending tasks), while every task stop is an event with its stop code, reason and exit codes.
 */
export class EcsTaskFailureAlarm extends Construct {
  readonly ruleArn: string;
  readonly ruleName: string;

  constructor(scope: Construct, id: string, props: EcsTaskFailureAlarmProps) {
    super(scope, id);
    markLibrary(this, "monitoring");
    const rule = eventRuleToTopic(this, {
      name: props.name,
      description: props.description ?? "ECS tasks that failed to start or whose essential container exited non-zero",
      pattern: ecsTaskFailurePattern(props.clusterArn),
      topicArn: props.topicArn,
      message: {
        inputPaths: {
          cluster: "$.detail.clusterArn",
          group: "$.detail.group",
          task: "$.detail.taskArn",
          stopCode: "$.detail.stopCode",
          reason: "$.detail.stoppedReason",
        },
        template: '"ECS task failure in <cluster>: <group> task <task> stopped (<stopCode>): <reason>"',
      },
      ...(props.tags ? { tags: props.tags } : {}),
    });
    this.ruleArn = rule.arn;
    this.ruleName = rule.name;
  }
}

/** Function form of `new EcsTaskFailureAlarm(...)`. */
export function ecsTaskFailureAlarm(scope: Construct, id: string, props: EcsTaskFailureAlarmProps): EcsTaskFailureAlarm {
  return new EcsTaskFailureAlarm(scope, id, props);
}
