import { describe, expect, it } from "vitest";
import { EventRule } from "./event-rule";
import { Queue } from "./queue";
import { Schedule } from "./schedule";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const fn = { functionName: "etl-airport-data", functionArn: "arn:aws:lambda:us-east-1:111111111111:function:etl-airport-data", invokeArn: "x" };
const SFN = "arn:aws:states:us-east-1:111111111111:stateMachine:cleanup";

describe("EventRule", () => {
  it("runs a Lambda hourly with a permission scoped to the rule", () => {
    const { resource } = synthJson(
      (s) =>
        new EventRule(s, "airports", {
          name: "aerologue-dev-etl-airport-data",
          schedule: "rate(1 hour)",
          targets: { fn: { type: "lambda", function: fn, input: { full: true } } },
        }),
    );
    const rule = only(resource.aws_cloudwatch_event_rule, "rule");
    expect(rule).toMatchObject({ name: "aerologue-dev-etl-airport-data", schedule_expression: "rate(1 hour)", state: "ENABLED" });
    const ruleArn = expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.airports_rule_[A-Z0-9]+\.arn\}$/);
    expect(only(resource.aws_lambda_permission, "permission")).toMatchObject({
      function_name: "etl-airport-data",
      principal: "events.amazonaws.com",
      source_arn: ruleArn,
      statement_id: "AllowRule-aerologue-dev-etl-airport-data-fn",
    });
    expect(only(resource.aws_cloudwatch_event_target, "target")).toMatchObject({ arn: fn.functionArn, target_id: "fn", input: '{"full":true}' });
  });

  it("sends pattern events to a queue (queue policy statement) and a state machine (role for it only)", () => {
    const { resource, data } = synthJson((s) => {
      const q = new Queue(s, "q", { name: "activity", kmsKeyArn: KEY });
      new EventRule(s, "activity", {
        name: "activity-logged",
        eventPattern: { source: ["milequest.activity"], "detail-type": ["ActivityLogged"] },
        eventBusName: "milequest",
        targets: {
          queue: { type: "sqs", queue: q, maxRetryAttempts: 3, deadLetterQueueArn: "arn:aws:sqs:us-east-1:111111111111:dlq" },
          sfn: { type: "sfn", stateMachineArn: SFN },
        },
      });
    });
    const rule = only(resource.aws_cloudwatch_event_rule, "rule");
    expect(JSON.parse(rule.event_pattern)).toEqual({ source: ["milequest.activity"], "detail-type": ["ActivityLogged"] });
    expect(rule.event_bus_name).toBe("milequest");
    const targets = Object.values(resource.aws_cloudwatch_event_target as Json) as Json[];
    const queueTarget = targets.find((t) => t.target_id === "queue")!;
    expect(queueTarget).toMatchObject({
      dead_letter_config: { arn: "arn:aws:sqs:us-east-1:111111111111:dlq" },
      retry_policy: { maximum_retry_attempts: 3, maximum_event_age_in_seconds: 86400 },
      event_bus_name: "milequest",
    });
    const sfnTarget = targets.find((t) => t.target_id === "sfn")!;
    expect(sfnTarget.role_arn).toMatch(/^\$\{aws_iam_role\.activity_events-role_/);
    const doc = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("activity_events-policy"))![1] as Json;
    expect(doc.statement).toEqual([{ sid: "StartTargets", effect: "Allow", actions: ["states:StartExecution"], resources: [SFN] }]);
    const qp = Object.entries(resource.aws_sqs_queue_policy as Json).find(([k]) => k.startsWith("q_policy_"))![1] as Json;
    expect(JSON.parse(qp.policy).Statement[1]).toMatchObject({ Sid: "FromRuleActivityLogged", Principal: { Service: "events.amazonaws.com" } });
  });

  it("refuses 10-second schedules, missing/duplicate triggers and FIFO targets without group", () => {
    expect(() =>
      synthJson((s) => new EventRule(s, "r", { name: "r", schedule: "rate(10 seconds)", targets: { fn: { type: "lambda", function: fn } } })),
    ).toThrow(/^EventRule "r": schedule "rate\(10 seconds\)" is below 1 minute\. .*SubMinuteSchedule/);
    expect(() => synthJson((s) => new EventRule(s, "r", { name: "r", targets: {} }))).toThrow(
      'EventRule "r": set exactly one of schedule and eventPattern; at least one target is required',
    );
    expect(() =>
      synthJson((s) => {
        const q = new Queue(s, "q", { name: "q", kmsKeyArn: KEY, fifo: true });
        new EventRule(s, "r", { name: "r", schedule: "rate(5 minutes)", targets: { q: { type: "sqs", queue: q } } });
      }),
    ).toThrow('EventRule "r": target "q" is a FIFO queue: set messageGroupId');
  });
});

describe("Schedule", () => {
  it("invokes a Lambda daily in a time zone through a role scoped to that function", () => {
    const { resource, data } = synthJson(
      (s) =>
        new Schedule(s, "cleanup", {
          name: "aerologue-dev-scheduled-cleanup",
          scheduleExpression: "cron(0 3 * * ? *)",
          timezone: "Europe/London",
          kmsKeyArn: KEY,
          target: { type: "lambda", function: fn },
          maxRetryAttempts: 2,
        }),
    );
    expect(only(resource.aws_scheduler_schedule, "schedule")).toMatchObject({
      name: "aerologue-dev-scheduled-cleanup",
      schedule_expression: "cron(0 3 * * ? *)",
      schedule_expression_timezone: "Europe/London",
      flexible_time_window: { mode: "OFF" },
      kms_key_arn: KEY,
      state: "ENABLED",
      target: { arn: fn.functionArn, retry_policy: { maximum_retry_attempts: 2, maximum_event_age_in_seconds: 86400 } },
    });
    const doc = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("cleanup_policy"))![1] as Json;
    expect(doc.statement[0]).toEqual({
      sid: "InvokeTarget",
      effect: "Allow",
      actions: ["lambda:InvokeFunction"],
      resources: [fn.functionArn, `${fn.functionArn}:*`],
    });
    expect(resource.aws_lambda_permission).toBeUndefined();
  });

  it("rejects sub-minute rates", () => {
    expect(() =>
      synthJson(
        (s) => new Schedule(s, "x", { name: "x", scheduleExpression: "rate(30 seconds)", kmsKeyArn: KEY, target: { type: "sfn", stateMachineArn: SFN } }),
      ),
    ).toThrow(/^Schedule "x": schedule "rate\(30 seconds\)" is below 1 minute/);
  });
});
