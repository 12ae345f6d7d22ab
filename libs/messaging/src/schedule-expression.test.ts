import { describe, expect, it } from "vitest";
import { validateScheduleExpression } from "./schedule-expression";

describe("validateScheduleExpression", () => {
  it.each([
    "rate(1 minute)",
    "rate(5 minutes)",
    "rate(1 hour)",
    "rate(1 day)",
    "cron(0 3 * * ? *)",
    "cron(0/15 * * * ? *)",
    "cron(0 12 ? * MON-FRI *)",
    "cron(0 0 L * ? *)",
    "cron(0 10 ? * 6#3 *)",
    "cron(30 2 1,15 JAN-MAR ? 2027)",
  ])("accepts %s", (expr) => {
    expect(validateScheduleExpression(expr)).toBeUndefined();
  });

  it("rejects rates below one minute and points at SubMinuteSchedule", () => {
    expect(validateScheduleExpression("rate(10 seconds)")).toBe(
      'schedule "rate(10 seconds)" is below 1 minute. EventBridge cannot schedule below 1 minute; use SubMinuteSchedule from @infra/lambda for second-level cadences',
    );
    expect(validateScheduleExpression("cron(*/10 * * * * ? *)")).toMatch(/has 7 fields: EventBridge cron has no seconds field/);
  });

  it("rejects malformed rates with the rule that was broken", () => {
    expect(validateScheduleExpression("rate(0 minutes)")).toBe('schedule "rate(0 minutes)" must have a value of at least 1');
    expect(validateScheduleExpression("rate(1 minutes)")).toBe('schedule "rate(1 minutes)": a value of 1 takes the singular unit, e.g. rate(1 minute)');
    expect(validateScheduleExpression("rate(5 minute)")).toBe('schedule "rate(5 minute)": a value above 1 takes the plural unit, e.g. rate(5 minutes)');
    expect(validateScheduleExpression("rate(2 weeks)")).toBe('schedule "rate(2 weeks)" has unit "weeks": use minute(s), hour(s) or day(s)');
    expect(validateScheduleExpression("rate(five minutes)")).toMatch(/is malformed: expected rate\(<positive whole number>/);
  });

  it("rejects malformed crons field by field", () => {
    expect(validateScheduleExpression("cron(0 3 * * *)")).toBe(
      'schedule "cron(0 3 * * *)" must have 6 fields: cron(minutes hours day-of-month month day-of-week year), got 5',
    );
    expect(validateScheduleExpression("cron(60 3 * * ? *)")).toBe('schedule "cron(60 3 * * ? *)": cron minutes field "60" is invalid: "60" is outside 0-59');
    expect(validateScheduleExpression("cron(0 24 * * ? *)")).toMatch(/cron hours field "24" is invalid/);
    expect(validateScheduleExpression("cron(0 3 * * * *)")).toBe('schedule "cron(0 3 * * * *)": exactly one of day-of-month and day-of-week must be "?"');
    expect(validateScheduleExpression("cron(0 3 ? * ? *)")).toMatch(/exactly one of day-of-month and day-of-week/);
    expect(validateScheduleExpression("cron(? 3 * * ? *)")).toMatch(/"\?" is only allowed in day-of-month or day-of-week/);
    expect(validateScheduleExpression("cron(0 3 * FOO ? *)")).toMatch(/cron month field "FOO" is invalid/);
  });

  it("accepts at() only for Scheduler", () => {
    expect(validateScheduleExpression("at(2027-01-01T00:00:00)")).toMatch(/one-time at\(\.\.\.\) schedules need EventBridge Scheduler/);
    expect(validateScheduleExpression("at(2027-01-01T00:00:00)", { allowAt: true })).toBeUndefined();
    expect(validateScheduleExpression("at(tomorrow)", { allowAt: true })).toMatch(/expected at\(yyyy-mm-ddThh:mm:ss\)/);
    expect(validateScheduleExpression("every 5 minutes")).toBe('schedule "every 5 minutes" is malformed: expected rate(...) or cron(...)');
  });
});
