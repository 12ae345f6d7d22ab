import { describe, expect, it } from "vitest";
import { formatDailyWindow, formatWeeklyWindow, maintenanceWindows, weeklyWindowSchema, windowsOverlap } from "./windows";

/** The provider's validators (internal/types/timestamp): what `terraform validate` accepts. */
const PROVIDER_WEEKLY = /^((sun|mon|tue|wed|thu|fri|sat):([0-1][0-9]|2[0-3]):([0-5][0-9])-(sun|mon|tue|wed|thu|fri|sat):([0-1][0-9]|2[0-3]):([0-5][0-9])|)$/;
const PROVIDER_DAILY = /^(([0-1][0-9]|2[0-3]):([0-5][0-9])-([0-1][0-9]|2[0-3]):([0-5][0-9])|)$/;

describe("window formatting", () => {
  it("weekly windows name the day on both ends (ddd:hh24:mi-ddd:hh24:mi)", () => {
    expect(formatWeeklyWindow({ day: "sun", start: "04:30", durationMinutes: 60 })).toBe("sun:04:30-sun:05:30");
    expect(formatWeeklyWindow({ day: "sat", start: "23:30", durationMinutes: 90 })).toBe("sat:23:30-sun:01:00");
    // Sunday runs into Monday: the week wraps.
    expect(formatWeeklyWindow({ day: "sun", start: "23:00", durationMinutes: 120 })).toBe("sun:23:00-mon:01:00");
    expect(formatWeeklyWindow({ day: "mon", start: "00:00", durationMinutes: 1440 })).toBe("mon:00:00-tue:00:00");
  });

  it("daily windows are hh24:mi-hh24:mi and wrap at midnight", () => {
    expect(formatDailyWindow({ start: "03:00", durationMinutes: 60 })).toBe("03:00-04:00");
    expect(formatDailyWindow({ start: "23:30", durationMinutes: 45 })).toBe("23:30-00:15");
  });

  it("every formatted window passes the provider's own validation regexes", () => {
    for (const day of ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const) {
      for (const start of ["00:00", "04:30", "12:05", "23:59"]) {
        for (const durationMinutes of [30, 60, 61, 719, 1440]) {
          expect(formatWeeklyWindow({ day, start, durationMinutes })).toMatch(PROVIDER_WEEKLY);
          expect(formatDailyWindow({ start, durationMinutes })).toMatch(PROVIDER_DAILY);
        }
      }
    }
    // What the repo used to write: a weekly window without the second day. The provider refuses it.
    expect("sun:04:30-05:30").not.toMatch(PROVIDER_WEEKLY);
  });

  it("refuses malformed values with the value in the message", () => {
    expect(() => formatDailyWindow({ start: "4:30", durationMinutes: 60 })).toThrow('window start "4:30" must be a UTC time "hh:mm" (24-hour)');
    expect(() => formatWeeklyWindow({ day: "sunday" as "sun", start: "04:30", durationMinutes: 60 })).toThrow('window day "sunday"');
    expect(() => formatDailyWindow({ start: "04:30", durationMinutes: 0 })).toThrow("durationMinutes 0");
  });
});

describe("overlap of daily backup and weekly maintenance windows", () => {
  const sun0430 = { day: "sun", start: "04:30", durationMinutes: 60 } as const;
  it("detects overlap on any day, including across midnight and the week boundary", () => {
    expect(windowsOverlap({ start: "03:00", durationMinutes: 60 }, sun0430)).toBe(false);
    expect(windowsOverlap({ start: "03:00", durationMinutes: 90 }, sun0430)).toBe(false); // ends exactly at 04:30
    expect(windowsOverlap({ start: "03:00", durationMinutes: 91 }, sun0430)).toBe(true);
    expect(windowsOverlap({ start: "05:00", durationMinutes: 60 }, sun0430)).toBe(true);
    expect(windowsOverlap({ start: "23:30", durationMinutes: 60 }, { day: "sun", start: "00:00", durationMinutes: 30 })).toBe(true);
    expect(windowsOverlap({ start: "00:10", durationMinutes: 30 }, { day: "sun", start: "23:30", durationMinutes: 60 })).toBe(true); // Monday 00:10
  });
});

describe("settings.windows schema", () => {
  const good = {
    backup: { start: "03:00", durationMinutes: 60 },
    databaseMaintenance: { day: "sun", start: "04:30", durationMinutes: 60 },
    cacheMaintenance: { day: "sun", start: "05:00", durationMinutes: 60 },
    searchOffPeakStart: "03:00",
  };
  it("accepts the baseline and names the field of each problem", () => {
    expect(maintenanceWindows.safeParse(good).success).toBe(true);
    const bad = maintenanceWindows.safeParse({ ...good, cacheMaintenance: { day: "sun", start: "03:30", durationMinutes: 60 } });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "cacheMaintenance.start",
        "sun:03:30-sun:04:30 overlaps the daily backup window 03:00-04:00: RDS and ElastiCache refuse overlapping backup and maintenance windows",
      ],
    ]);
    const malformed = weeklyWindowSchema(60).safeParse({ day: "Sunday", start: "4:30", durationMinutes: 30 });
    expect(malformed.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["day", "durationMinutes", "start"]);
  });
});
