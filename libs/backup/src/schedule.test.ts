import { describe, expect, it } from "vitest";
import { scheduleExpression } from "./schedule";

describe("scheduleExpression", () => {
  it("renders seed 004's hourly / daily / weekly EBS schedules", () => {
    expect(scheduleExpression({ frequency: "hourly" })).toBe("cron(0 * ? * * *)");
    expect(scheduleExpression({ frequency: "daily" })).toBe("cron(0 5 ? * * *)");
    expect(scheduleExpression({ frequency: "weekly" })).toBe("cron(0 5 ? * SUN *)");
    expect(scheduleExpression({ frequency: "weekly", dayOfWeek: "WED", hourUtc: 2 })).toBe("cron(0 2 ? * WED *)");
    expect(scheduleExpression({ frequency: "hourly", minute: 15 })).toBe("cron(15 * ? * * *)");
    expect(scheduleExpression({ frequency: "cron", expression: "cron(0 5 ? * MON-FRI *)" })).toBe("cron(0 5 ? * MON-FRI *)");
  });
  it("rejects out-of-range values and malformed expressions", () => {
    expect(() => scheduleExpression({ frequency: "daily", hourUtc: 24 })).toThrow("backup schedule: hourUtc 24 must be an integer 0-23");
    expect(() => scheduleExpression({ frequency: "hourly", minute: 60 })).toThrow("minute 60 must be an integer 0-59");
    expect(() => scheduleExpression({ frequency: "cron", expression: "rate(1 hour)" })).toThrow('"rate(1 hour)" is not a six-field cron(...) expression');
  });
});
