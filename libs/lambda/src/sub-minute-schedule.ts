import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SchedulerSchedule } from "@cdktf/provider-aws/lib/scheduler-schedule";
import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { LOG_RETENTION_DAYS, throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { declareKeyUse, declareLogGroupKey } from "@infra/kms";
import { Construct } from "constructs";
import { stateMachineRoleStatements } from "./state-machine-statements";
import type { LambdaTarget } from "./policy";
import { subMinuteDefinition, validateSubMinuteInterval } from "./sub-minute-definition";
import { serviceTrustPolicy } from "@infra/iam";

export { VENDED_LOG_DELIVERY_ACTIONS } from "./state-machine-statements";

export interface SubMinuteScheduleProps {
  /** Name of the state machine, roles and schedule, e.g. "aerologue-dev-etl-flight-data-10s". At most 52 characters. */
  readonly name: string;
  /** The function to invoke. */
  readonly target: LambdaTarget;
  /** Seconds between invocations; must divide 60 (seed 000: 10). */
  readonly intervalSeconds: number;
  /**
   * "Event" (asynchronous) keeps the cadence even when a run takes longer than the interval, at
   * the price of possible overlap (cap it with the function's reserved concurrency).
   * "RequestResponse" waits for each run, so runs never overlap but the cadence stretches.
   * @default "Event"
   */
  readonly invocationType?: "Event" | "RequestResponse";
  /** Static fields of the event each invocation receives (plus `tick` and `minuteStartedAt`). @default {} */
  readonly payload?: Readonly<Record<string, unknown>>;
  /** CMK for the state machine, its log group and the schedule. */
  readonly kmsKeyArn: string;
  /** Days the state machine's log group keeps records. */
  readonly logRetentionDays: number;
  /** "ERROR" logs failed ticks only; "ALL" every state (costly at 8,640 runs a day). @default "ERROR" */
  readonly logLevel?: "ALL" | "ERROR" | "FATAL";
  /**
   * Log each logged event's input, output, error and cause. On by default here because the only
   * data this state machine carries is the schedule's: the scheduler's start event, the tick
   * number, the minute's start time and `payload` (static config, never user data; results are
   * discarded with ResultPath null). Without it a failed tick's log entry says that a state failed
   * but not which tick or why. Turn it off if `payload` ever carries anything sensitive.
   * @default true
   */
  readonly includeExecutionData?: boolean;
  /** Pause the schedule without destroying anything. @default true */
  readonly enabled?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Invokes a Lambda function every N seconds (N < 60), which neither EventBridge rules nor
 * EventBridge Scheduler can do: both stop at one minute.
 *
 * Design: EventBridge Scheduler starts a Step Functions *Express* state machine once a minute;
 * the state machine invokes the function, waits N seconds, and repeats 60/N times.
 *
 * Why not a Lambda function that loops and sleeps internally: it bills its full memory for every
 * idle second (etl-flight-data at 1024 MB would pay for 60 s of sleep per minute, around the
 * clock), one slow or failed tick delays or kills the rest of the minute, and the loop's timing
 * lives in application code we do not own. The Express workflow bills per state transition and a
 * few MB-seconds of waiting, each tick is an independent invocation with its own retries,
 * reserved concurrency and metrics, and the cadence stays declarative and visible here.
 * Why a Scheduler (not a rule) to start it: a schedule carries its own retry policy and KMS key.
 * A missed minute is not retried later (maximumEventAgeInSeconds 60): the next minute comes anyway.
 */
export class SubMinuteSchedule extends Construct {
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly scheduleArn: string;
  readonly logGroupName: string;
  /** How many invocations happen per minute. */
  readonly ticksPerMinute: number;

  constructor(scope: Construct, id: string, props: SubMinuteScheduleProps) {
    super(scope, id);
    markLibrary(this, "lambda");
    throwIfInvalid(`SubMinuteSchedule "${props.name}"`, [
      validateSubMinuteInterval(props.intervalSeconds),
      /^[A-Za-z0-9_-]{1,52}$/.test(props.name) ? undefined : `name "${props.name}" must be 1-52 letters, digits, "-" or "_" (it prefixes role names)`,
      (LOG_RETENTION_DAYS as readonly number[]).includes(props.logRetentionDays)
        ? undefined
        : `logRetentionDays ${props.logRetentionDays} must be one of ${LOG_RETENTION_DAYS.join(", ")}`,
    ]);
    this.ticksPerMinute = 60 / props.intervalSeconds;
    const tags = { ...(props.tags ?? {}), Name: props.name };

    // The /aws/vendedlogs/ prefix keeps Step Functions from growing the account's log resource policy.
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: `/aws/vendedlogs/states/${props.name}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags,
    });
    declareLogGroupKey(logGroup, props.kmsKeyArn);
    this.logGroupName = logGroup.name;

    const sfnAssume = serviceTrustPolicy(this, "sfn-assume", "states.amazonaws.com");
    const sfnRole = new IamRole(this, "sfn-role", { name: `${props.name}-sfn`, assumeRolePolicy: sfnAssume.json, tags });
    const sfnPolicy = new DataAwsIamPolicyDocument(this, "sfn-policy", {
      statement: [
        {
          sid: "InvokeTarget",
          effect: "Allow",
          actions: ["lambda:InvokeFunction"],
          resources: [props.target.functionArn, `${props.target.functionArn}:*`],
        },
        // Step Functions logs through CloudWatch Logs "vended logs" deliveries, created and checked
        // with the execution role's credentials (stateMachineRoleStatements).
        ...stateMachineRoleStatements(props.kmsKeyArn),
      ],
    });
    const sfnRolePolicy = new IamRolePolicy(this, "sfn-role-policy", { name: "invoke-and-log", role: sfnRole.id, policy: sfnPolicy.json });

    const machine = new SfnStateMachine(this, "state-machine", {
      name: props.name,
      type: "EXPRESS",
      roleArn: sfnRole.arn,
      definition: JSON.stringify(
        subMinuteDefinition({
          functionArn: props.target.functionArn,
          intervalSeconds: props.intervalSeconds,
          invocationType: props.invocationType ?? "Event",
          payload: props.payload ?? {},
        }),
      ),
      loggingConfiguration: { level: props.logLevel ?? "ERROR", includeExecutionData: props.includeExecutionData ?? true, logDestination: `${logGroup.arn}:*` },
      tracingConfiguration: { enabled: true },
      encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 },
      tags,
      dependsOn: [sfnRolePolicy],
    });
    // A CMK-encrypted state machine that logs: the log delivery service decrypts the execution
    // events with the state machine's key before CloudWatch Logs re-encrypts them with the log
    // group's (Step Functions developer guide, "Data at rest encryption", key policy for logging).
    declareKeyUse(machine, props.kmsKeyArn, { kind: "service", service: "delivery.logs" });
    this.stateMachineArn = machine.arn;
    this.stateMachineName = machine.name;

    const schedulerAssume = serviceTrustPolicy(this, "scheduler-assume", "scheduler.amazonaws.com");
    const schedulerRole = new IamRole(this, "scheduler-role", { name: `${props.name}-scheduler`, assumeRolePolicy: schedulerAssume.json, tags });
    const schedulerPolicy = new DataAwsIamPolicyDocument(this, "scheduler-policy", {
      statement: [
        { sid: "StartMinuteLoop", effect: "Allow", actions: ["states:StartExecution"], resources: [machine.arn] },
        { sid: "UseScheduleKey", effect: "Allow", actions: ["kms:Decrypt"], resources: [props.kmsKeyArn] },
      ],
    });
    new IamRolePolicy(this, "scheduler-role-policy", { name: "start-state-machine", role: schedulerRole.id, policy: schedulerPolicy.json });

    const schedule = new SchedulerSchedule(this, "schedule", {
      name: props.name,
      description: `Every ${props.intervalSeconds} s: starts ${props.name} once a minute`,
      scheduleExpression: "rate(1 minute)",
      flexibleTimeWindow: { mode: "OFF" },
      state: (props.enabled ?? true) ? "ENABLED" : "DISABLED",
      kmsKeyArn: props.kmsKeyArn,
      target: {
        arn: machine.arn,
        roleArn: schedulerRole.arn,
        retryPolicy: { maximumEventAgeInSeconds: 60, maximumRetryAttempts: 0 },
      },
    });
    this.scheduleArn = schedule.arn;
  }
}
