/** Pure pieces of {@link SubMinuteSchedule}: validation and the state machine definition. */

export interface SubMinuteDefinitionInput {
  readonly functionArn: string;
  readonly intervalSeconds: number;
  readonly invocationType: "Event" | "RequestResponse";
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The interval must divide a minute evenly so every minute's loop lines up with the next. */
export function validateSubMinuteInterval(intervalSeconds: number): string | undefined {
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1 || intervalSeconds >= 60 || 60 % intervalSeconds !== 0) {
    return `intervalSeconds ${intervalSeconds} must be a whole number of seconds below 60 that divides 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30); for 60 s or more use an EventBridge rate() schedule`;
  }
  return undefined;
}

/**
 * Amazon States Language for one minute: invoke, wait, invoke, ... (60 / interval invocations,
 * the last without a trailing wait). Unrolled rather than a counter loop: no arithmetic in ASL,
 * and the console shows each tick as its own state.
 */
export function subMinuteDefinition(input: SubMinuteDefinitionInput): Record<string, unknown> {
  const ticks = 60 / input.intervalSeconds;
  const states: Record<string, unknown> = {};
  for (let i = 0; i < ticks; i++) {
    const last = i === ticks - 1;
    states[`Invoke${i}`] = {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: {
        FunctionName: input.functionArn,
        InvocationType: input.invocationType,
        Payload: { ...input.payload, tick: i, "minuteStartedAt.$": "$$.Execution.StartTime" },
      },
      ResultPath: null,
      Retry: [
        {
          ErrorEquals: ["Lambda.TooManyRequestsException", "Lambda.ServiceException", "Lambda.SdkClientException"],
          IntervalSeconds: 1,
          MaxAttempts: 2,
          BackoffRate: 2,
        },
      ],
      ...(last ? { End: true } : { Next: `Wait${i}` }),
    };
    if (!last) states[`Wait${i}`] = { Type: "Wait", Seconds: input.intervalSeconds, Next: `Invoke${i + 1}` };
  }
  return {
    Comment: `Invoke a Lambda function every ${input.intervalSeconds} s for one minute`,
    StartAt: "Invoke0",
    TimeoutSeconds: 120,
    States: states,
  };
}
