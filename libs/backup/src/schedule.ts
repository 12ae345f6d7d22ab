/** Backup schedules as data (seed 004's EBS table: hourly prod, daily uat, weekly dev/staging) → AWS cron. */

export type DayOfWeek = "SUN" | "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";

export type BackupSchedule =
  | { readonly frequency: "hourly"; /** Minute past the hour. @default 0 */ readonly minute?: number }
  | { readonly frequency: "daily"; /** UTC hour. @default 5 */ readonly hourUtc?: number }
  | { readonly frequency: "weekly"; /** @default "SUN" */ readonly dayOfWeek?: DayOfWeek; /** UTC hour. @default 5 */ readonly hourUtc?: number }
  | { readonly frequency: "cron"; /** A full AWS expression, e.g. "cron(0 5 ? * MON-FRI *)". */ readonly expression: string };

function inRange(value: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`backup schedule: ${what} ${value} must be an integer ${min}-${max}`);
  return value;
}

/** The `schedule` of a backup rule, in UTC (AWS Backup's six-field cron). */
export function scheduleExpression(s: BackupSchedule): string {
  switch (s.frequency) {
    case "hourly":
      return `cron(${inRange(s.minute ?? 0, 0, 59, "minute")} * ? * * *)`;
    case "daily":
      return `cron(0 ${inRange(s.hourUtc ?? 5, 0, 23, "hourUtc")} ? * * *)`;
    case "weekly":
      return `cron(0 ${inRange(s.hourUtc ?? 5, 0, 23, "hourUtc")} ? * ${s.dayOfWeek ?? "SUN"} *)`;
    case "cron":
      if (!/^cron\(\S+( \S+){5}\)$/.test(s.expression))
        throw new RangeError(`backup schedule: ${JSON.stringify(s.expression)} is not a six-field cron(...) expression`);
      return s.expression;
  }
}
