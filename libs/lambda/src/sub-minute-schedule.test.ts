import { EncryptionKey } from "@infra/kms";
import { describe, expect, it } from "vitest";
import { subMinuteDefinition, validateSubMinuteInterval } from "./sub-minute-definition";
import { SubMinuteSchedule, VENDED_LOG_DELIVERY_ACTIONS } from "./sub-minute-schedule";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const FN = "arn:aws:lambda:us-east-1:111111111111:function:crossing-detector";
const target = { functionArn: FN, functionName: "crossing-detector", invokeArn: "arn:invoke" };

describe("subMinuteDefinition", () => {
  it("unrolls 6 invocations with 5 waits of 10 s for a 10 s cadence", () => {
    const def = subMinuteDefinition({ functionArn: FN, intervalSeconds: 10, invocationType: "Event", payload: { source: "tick" } });
    const states = def.States as Json;
    expect(Object.keys(states)).toEqual(["Invoke0", "Wait0", "Invoke1", "Wait1", "Invoke2", "Wait2", "Invoke3", "Wait3", "Invoke4", "Wait4", "Invoke5"]);
    expect(def.StartAt).toBe("Invoke0");
    expect(states.Invoke0).toMatchObject({
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: FN, InvocationType: "Event", Payload: { source: "tick", tick: 0, "minuteStartedAt.$": "$$.Execution.StartTime" } },
      ResultPath: null,
      Next: "Wait0",
    });
    expect(states.Wait4).toEqual({ Type: "Wait", Seconds: 10, Next: "Invoke5" });
    expect(states.Invoke5.End).toBe(true);
    expect(states.Invoke5.Next).toBeUndefined();
  });

  it("accepts only intervals that divide a minute", () => {
    for (const ok of [1, 5, 10, 15, 20, 30]) expect(validateSubMinuteInterval(ok)).toBeUndefined();
    for (const bad of [0, 7, 45, 60, 2.5]) expect(validateSubMinuteInterval(bad)).toMatch(new RegExp(`^intervalSeconds ${bad} must be`));
  });
});

describe("SubMinuteSchedule", () => {
  const synth = () =>
    synthJson(
      (s) =>
        new SubMinuteSchedule(s, "detector", {
          name: "aerologue-dev-crossing-detector-10s",
          target,
          intervalSeconds: 10,
          kmsKeyArn: KEY,
          logRetentionDays: 30,
        }),
    );

  it("starts an encrypted, traced, logged Express state machine once a minute", () => {
    const { resource } = synth();
    const machine = only(resource.aws_sfn_state_machine, "state machine");
    expect(machine).toMatchObject({
      name: "aerologue-dev-crossing-detector-10s",
      type: "EXPRESS",
      tracing_configuration: { enabled: true },
      encryption_configuration: { type: "CUSTOMER_MANAGED_KMS_KEY", kms_key_id: KEY, kms_data_key_reuse_period_seconds: 300 },
      logging_configuration: {
        level: "ERROR",
        include_execution_data: true,
        log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.detector_log-group_[A-Z0-9]+\.arn\}:\*$/),
      },
    });
    expect(Object.keys(JSON.parse(machine.definition).States)).toHaveLength(11);
    expect(only(resource.aws_cloudwatch_log_group, "log group")).toMatchObject({
      name: "/aws/vendedlogs/states/aerologue-dev-crossing-detector-10s",
      retention_in_days: 30,
      kms_key_id: KEY,
    });
    const schedule = only(resource.aws_scheduler_schedule, "schedule");
    expect(schedule).toMatchObject({
      schedule_expression: "rate(1 minute)",
      flexible_time_window: { mode: "OFF" },
      state: "ENABLED",
      kms_key_arn: KEY,
      target: {
        arn: expect.stringMatching(/^\$\{aws_sfn_state_machine\.detector_state-machine_[A-Z0-9]+\.arn\}$/),
        retry_policy: { maximum_event_age_in_seconds: 60, maximum_retry_attempts: 0 },
      },
    });
  });

  it("lets the state machine invoke only the target and the scheduler start only the state machine", () => {
    const { data } = synth();
    const docs = data.aws_iam_policy_document as Json;
    const sfn = Object.entries(docs).find(([k]) => k.startsWith("detector_sfn-policy"))![1];
    expect(sfn.statement[0]).toEqual({ sid: "InvokeTarget", effect: "Allow", actions: ["lambda:InvokeFunction"], resources: [FN, `${FN}:*`] });
    const sched = Object.entries(docs).find(([k]) => k.startsWith("detector_scheduler-policy"))![1];
    expect(sched.statement[0]).toMatchObject({
      actions: ["states:StartExecution"],
      resources: [expect.stringMatching(/^\$\{aws_sfn_state_machine\.detector_state-machine_[A-Z0-9]+\.arn\}$/)],
    });
  });

  it("lets Step Functions deliver logs: the role may manage log deliveries (on *, no resource-level permissions) and the key admits delivery.logs and CloudWatch Logs", () => {
    synthJson((s) => {
      const key = new EncryptionKey(s, "key", { name: "compute", accountId: "111111111111", region: "us-east-1" });
      new SubMinuteSchedule(s, "detector", {
        name: "aerologue-dev-crossing-detector",
        target,
        intervalSeconds: 10,
        kmsKeyArn: key.keyArn,
        logRetentionDays: 30,
      });
      expect(key.uses().map((u) => u.use)).toEqual(["delivery.logs", "logs"]);
    });
    const { data } = synth();
    const sfn = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("detector_sfn-policy"))![1];
    expect(sfn.statement.find((st: Json) => st.sid === "DeliverLogs")).toEqual({
      sid: "DeliverLogs",
      effect: "Allow",
      actions: [...VENDED_LOG_DELIVERY_ACTIONS],
      resources: ["*"],
    });
    // The delivery itself and the log group's resource policy are what Step Functions calls.
    expect(VENDED_LOG_DELIVERY_ACTIONS).toEqual(expect.arrayContaining(["logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:DescribeLogGroups"]));
    expect(sfn.statement.find((st: Json) => st.sid === "UseStateKey")).toMatchObject({ actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [KEY] });
  });

  it("can leave execution data out of the log when the payload is sensitive", () => {
    const { resource } = synthJson(
      (s) =>
        new SubMinuteSchedule(s, "x", {
          name: "x",
          target,
          intervalSeconds: 10,
          kmsKeyArn: KEY,
          logRetentionDays: 30,
          includeExecutionData: false,
          logLevel: "ALL",
        }),
    );
    expect(only(resource.aws_sfn_state_machine, "state machine").logging_configuration).toMatchObject({ level: "ALL", include_execution_data: false });
  });

  it("rejects a cadence that does not divide a minute", () => {
    expect(() => synthJson((s) => new SubMinuteSchedule(s, "x", { name: "x", target, intervalSeconds: 7, kmsKeyArn: KEY, logRetentionDays: 30 }))).toThrow(
      /^SubMinuteSchedule "x": intervalSeconds 7 must be/,
    );
  });
});
