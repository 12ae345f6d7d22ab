import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { sidOf, serviceTrustPolicy } from "@infra/iam";
import { permissionStatementId } from "@infra/lambda";
import { Construct } from "constructs";
import { validateScheduleExpression } from "./schedule-expression";
import { type EventTarget, type TargetDelivery, targetErrors } from "./targets";

export type RuleTarget = EventTarget & TargetDelivery;

export interface EventRuleProps {
  /** Rule name, 1-64 characters. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** rate(...) or cron(...), at least one minute apart. Exactly one of schedule / eventPattern. */
  readonly schedule?: string;
  /** An EventBridge event pattern. Exactly one of schedule / eventPattern. */
  readonly eventPattern?: Readonly<Record<string, unknown>>;
  /** Event bus for pattern rules (schedules only run on the default bus). @default "default" */
  readonly eventBusName?: string;
  /** @default true */
  readonly enabled?: boolean;
  /** Targets by stable id. */
  readonly targets: Readonly<Record<string, RuleTarget>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every validation error for a set of rule props. Pure. */
export function validateEventRuleProps(props: EventRuleProps): string[] {
  const hasSchedule = props.schedule !== undefined;
  const hasPattern = props.eventPattern !== undefined;
  return [
    /^[A-Za-z0-9._-]{1,64}$/.test(props.name) ? undefined : `rule name "${props.name}" must be 1-64 letters, digits, ".", "-" or "_"`,
    hasSchedule === hasPattern ? "set exactly one of schedule and eventPattern" : undefined,
    hasSchedule ? validateScheduleExpression(props.schedule!) : undefined,
    hasSchedule && props.eventBusName !== undefined && props.eventBusName !== "default" ? "schedules only run on the default event bus" : undefined,
    Object.keys(props.targets).length === 0 ? "at least one target is required" : undefined,
    Object.keys(props.targets).length > 5 ? "at most 5 targets per rule" : undefined,
    ...Object.entries(props.targets).flatMap(([id, t]) => targetErrors(id, t, t)),
  ].filter((e): e is string => e !== undefined);
}

/**
 * An EventBridge rule (schedule or event pattern) and its targets, each with the permission it
 * needs scoped to this rule: a Lambda permission, a queue-policy statement, or a role allowed to
 * start one state machine.
 */
export class EventRule extends Construct {
  readonly ruleArn: string;
  readonly ruleName: string;

  constructor(scope: Construct, id: string, props: EventRuleProps) {
    super(scope, id);
    markLibrary(this, "messaging");
    throwIfInvalid(`EventRule "${props.name}"`, validateEventRuleProps(props));
    const rule = new CloudwatchEventRule(this, "rule", {
      name: props.name,
      description: props.description,
      scheduleExpression: props.schedule,
      eventPattern: props.eventPattern ? JSON.stringify(props.eventPattern) : undefined,
      eventBusName: props.eventBusName,
      state: (props.enabled ?? true) ? "ENABLED" : "DISABLED",
      tags: { ...(props.tags ?? {}), Name: props.name },
    });
    this.ruleArn = rule.arn;
    this.ruleName = rule.name;

    const sfnArns = Object.values(props.targets).flatMap((t) => (t.type === "sfn" ? [t.stateMachineArn] : []));
    const roleArn = sfnArns.length > 0 ? this.sfnRole(props.name, sfnArns) : undefined;

    for (const [targetId, t] of Object.entries(props.targets)) {
      const delivery = {
        deadLetterConfig: t.deadLetterQueueArn ? { arn: t.deadLetterQueueArn } : undefined,
        retryPolicy:
          t.maxRetryAttempts !== undefined || t.maxEventAgeSeconds !== undefined
            ? { maximumRetryAttempts: t.maxRetryAttempts ?? 185, maximumEventAgeInSeconds: t.maxEventAgeSeconds ?? 86400 }
            : undefined,
      };
      const common = { rule: rule.name, eventBusName: props.eventBusName, targetId, input: t.input ? JSON.stringify(t.input) : undefined, ...delivery };
      if (t.type === "lambda") {
        new LambdaPermission(this, `${targetId}-permission`, {
          statementId: permissionStatementId("AllowRule", props.name, targetId),
          action: "lambda:InvokeFunction",
          functionName: t.function.functionName,
          principal: "events.amazonaws.com",
          sourceArn: rule.arn,
        });
        new CloudwatchEventTarget(this, `target-${targetId}`, { ...common, arn: t.function.functionArn });
      } else if (t.type === "sqs") {
        t.queue.allowSendFrom?.(`FromRule${sidOf(props.name)}`, "events.amazonaws.com", rule.arn);
        new CloudwatchEventTarget(this, `target-${targetId}`, {
          ...common,
          arn: t.queue.queueArn,
          sqsTarget: t.messageGroupId ? { messageGroupId: t.messageGroupId } : undefined,
        });
      } else {
        new CloudwatchEventTarget(this, `target-${targetId}`, { ...common, arn: t.stateMachineArn, roleArn });
      }
    }
  }

  private sfnRole(name: string, stateMachineArns: string[]): string {
    const assume = serviceTrustPolicy(this, "events-assume", "events.amazonaws.com");
    const role = new IamRole(this, "events-role", { name: `${name}-events`.slice(0, 64), assumeRolePolicy: assume.json });
    const doc = new DataAwsIamPolicyDocument(this, "events-policy", {
      statement: [{ sid: "StartTargets", effect: "Allow", actions: ["states:StartExecution"], resources: stateMachineArns }],
    });
    new IamRolePolicy(this, "events-role-policy", { name: "start-state-machines", role: role.id, policy: doc.json });
    return role.arn;
  }
}
