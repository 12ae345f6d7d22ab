import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SchedulerSchedule } from "@cdktf/provider-aws/lib/scheduler-schedule";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { validateScheduleExpression } from "./schedule-expression";
import { type EventTarget, type TargetDelivery, targetErrors } from "./targets";
import { serviceTrustPolicy } from "@infra/iam";

export interface ScheduleProps extends TargetDelivery {
  /** Schedule name, 1-64 characters; also names its role. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** rate(...), cron(...) or at(...): at least one minute apart. */
  readonly scheduleExpression: string;
  /** IANA time zone for cron/at. @default "UTC" */
  readonly timezone?: string;
  /** Let Scheduler spread invocations over a window to smooth load. @default none (exact time) */
  readonly flexibleWindowMinutes?: number;
  /** CMK encrypting the schedule's target input. */
  readonly kmsKeyArn: string;
  /** @default "default" */
  readonly groupName?: string;
  /** @default true */
  readonly enabled?: boolean;
  readonly target: EventTarget;
}

/**
 * An EventBridge Scheduler schedule (time zones, one-time `at()`, flexible windows, CMK) with a
 * role allowed to call exactly its target. Scheduler invokes through that role, so Lambda targets
 * need no resource-based permission.
 */
export class Schedule extends Construct {
  readonly scheduleArn: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ScheduleProps) {
    super(scope, id);
    markLibrary(this, "messaging");
    const w = props.flexibleWindowMinutes;
    throwIfInvalid(`Schedule "${props.name}"`, [
      /^[A-Za-z0-9._-]{1,64}$/.test(props.name) ? undefined : `schedule name "${props.name}" must be 1-64 letters, digits, ".", "-" or "_"`,
      validateScheduleExpression(props.scheduleExpression, { allowAt: true }),
      w !== undefined && (!Number.isInteger(w) || w < 1 || w > 1440) ? `flexibleWindowMinutes ${w} must be 1..1440` : undefined,
      ...targetErrors("target", props.target, props),
    ]);
    const t = props.target;
    const statements: DataAwsIamPolicyDocumentStatement[] = [];
    let arn: string;
    if (t.type === "lambda") {
      arn = t.function.functionArn;
      statements.push({ sid: "InvokeTarget", effect: "Allow", actions: ["lambda:InvokeFunction"], resources: [arn, `${arn}:*`] });
    } else if (t.type === "sqs") {
      arn = t.queue.queueArn;
      statements.push({ sid: "SendToTarget", effect: "Allow", actions: ["sqs:SendMessage"], resources: [arn] });
      if (t.queue.kmsKeyArn) {
        statements.push({ sid: "EncryptForTarget", effect: "Allow", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [t.queue.kmsKeyArn] });
      }
    } else {
      arn = t.stateMachineArn;
      statements.push({ sid: "StartTarget", effect: "Allow", actions: ["states:StartExecution"], resources: [arn] });
    }
    statements.push({ sid: "DecryptInput", effect: "Allow", actions: ["kms:Decrypt"], resources: [props.kmsKeyArn] });
    if (props.deadLetterQueueArn) {
      statements.push({ sid: "SendDeadLetters", effect: "Allow", actions: ["sqs:SendMessage"], resources: [props.deadLetterQueueArn] });
    }

    const assume = serviceTrustPolicy(this, "assume", "scheduler.amazonaws.com");
    const role = new IamRole(this, "role", { name: `${props.name}-scheduler`.slice(0, 64), assumeRolePolicy: assume.json });
    const doc = new DataAwsIamPolicyDocument(this, "policy", { statement: statements });
    new IamRolePolicy(this, "role-policy", { name: "invoke-target", role: role.id, policy: doc.json });
    this.roleArn = role.arn;

    const schedule = new SchedulerSchedule(this, "schedule", {
      name: props.name,
      description: props.description,
      groupName: props.groupName,
      scheduleExpression: props.scheduleExpression,
      scheduleExpressionTimezone: props.timezone ?? "UTC",
      flexibleTimeWindow: w !== undefined ? { mode: "FLEXIBLE", maximumWindowInMinutes: w } : { mode: "OFF" },
      kmsKeyArn: props.kmsKeyArn,
      state: (props.enabled ?? true) ? "ENABLED" : "DISABLED",
      target: {
        arn,
        roleArn: role.arn,
        input: t.input ? JSON.stringify(t.input) : undefined,
        sqsParameters: t.type === "sqs" && t.messageGroupId ? { messageGroupId: t.messageGroupId } : undefined,
        deadLetterConfig: props.deadLetterQueueArn ? { arn: props.deadLetterQueueArn } : undefined,
        retryPolicy: { maximumRetryAttempts: props.maxRetryAttempts ?? 185, maximumEventAgeInSeconds: props.maxEventAgeSeconds ?? 86400 },
      },
    });
    this.scheduleArn = schedule.arn;
  }
}
