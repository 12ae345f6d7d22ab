import { z } from "zod";

/**
 * Maintenance and backup windows as typed values, formatted once. The AWS provider validates the
 * strings with two formats and rejects anything else at `terraform validate`:
 * - weekly (RDS/Aurora `preferred_maintenance_window`, ElastiCache `maintenance_window`):
 *   `ddd:hh24:mi-ddd:hh24:mi`, e.g. "sun:04:30-sun:05:30" (the day appears on both ends);
 * - daily (RDS `backup_window`, Aurora `preferred_backup_window`, ElastiCache `snapshot_window`):
 *   `hh24:mi-hh24:mi`, e.g. "03:00-04:00".
 * All times are UTC. RDS and ElastiCache also refuse a backup/snapshot window that overlaps the
 * maintenance window (InvalidParameterCombination), which `windowsOverlap` checks before synth.
 */

export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** A time of day, "hh:mm" in UTC (24-hour). */
export type TimeOfDay = string;

/** A window that recurs every day. */
export interface DailyWindow {
  /** Start, "hh:mm" UTC. */
  readonly start: TimeOfDay;
  /** Length in minutes, 30..1440 (services raise the minimum: ElastiCache 60). */
  readonly durationMinutes: number;
}

/** A window that recurs every week. */
export interface WeeklyWindow extends DailyWindow {
  /** Day the window starts on (it may run into the next day). */
  readonly day: WeekDay;
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after 00:00 of "hh:mm", or undefined when it is not a 24-hour time. */
export function parseTimeOfDay(time: string): number | undefined {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

const hhmm = (minuteOfDay: number): string => {
  const m = ((minuteOfDay % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

function startMinute(w: DailyWindow): number {
  const start = parseTimeOfDay(w.start);
  if (start === undefined) throw new Error(`window start "${w.start}" must be a UTC time "hh:mm" (24-hour)`);
  if (!Number.isInteger(w.durationMinutes) || w.durationMinutes < 1 || w.durationMinutes > MINUTES_PER_DAY) {
    throw new Error(`window durationMinutes ${w.durationMinutes} must be a whole number of minutes from 1 to ${MINUTES_PER_DAY}`);
  }
  return start;
}

/** `hh24:mi-hh24:mi`, e.g. { start: "23:30", durationMinutes: 60 } → "23:30-00:30". */
export function formatDailyWindow(w: DailyWindow): string {
  const start = startMinute(w);
  return `${hhmm(start)}-${hhmm(start + w.durationMinutes)}`;
}

/** `ddd:hh24:mi-ddd:hh24:mi`, e.g. { day: "sun", start: "23:30", durationMinutes: 60 } → "sun:23:30-mon:00:30". */
export function formatWeeklyWindow(w: WeeklyWindow): string {
  const dayIndex = WEEK_DAYS.indexOf(w.day);
  if (dayIndex < 0) throw new Error(`window day "${w.day}" must be one of ${WEEK_DAYS.join(", ")}`);
  const start = dayIndex * MINUTES_PER_DAY + startMinute(w);
  const end = (start + w.durationMinutes) % MINUTES_PER_WEEK;
  const at = (minuteOfWeek: number) => `${WEEK_DAYS[Math.floor(minuteOfWeek / MINUTES_PER_DAY)]}:${hhmm(minuteOfWeek)}`;
  return `${at(start)}-${at(end)}`;
}

/** Whether a daily window (recurring every day) overlaps a weekly one, ends touching allowed. */
export function windowsOverlap(daily: DailyWindow, weekly: WeeklyWindow): boolean {
  const weeklyStart = WEEK_DAYS.indexOf(weekly.day) * MINUTES_PER_DAY + startMinute(weekly);
  const weeklyEnd = weeklyStart + weekly.durationMinutes;
  const dailyStart = startMinute(daily);
  // Each day's occurrence against the weekly window, also shifted a week either way (wrap-around).
  for (let day = 0; day < 7; day++) {
    const s = day * MINUTES_PER_DAY + dailyStart;
    const e = s + daily.durationMinutes;
    for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK]) {
      if (s < weeklyEnd + shift && weeklyStart + shift < e) return true;
    }
  }
  return false;
}

/** Zod schema of a daily window; `minMinutes` is the service minimum (RDS 30, ElastiCache 60). */
export function dailyWindowSchema(minMinutes = 30) {
  return z
    .object({
      start: z.string().regex(TIME, { message: 'must be a UTC time "hh:mm" (24-hour), e.g. "03:00"' }),
      durationMinutes: z
        .number()
        .int()
        .min(minMinutes, { message: `must be at least ${minMinutes} minutes (the service minimum)` })
        .max(MINUTES_PER_DAY, { message: "must be at most 1440 minutes (24 hours)" }),
    })
    .strict();
}

/** Zod schema of a weekly window (day, start, duration). */
export function weeklyWindowSchema(minMinutes = 30) {
  return dailyWindowSchema(minMinutes)
    .extend({ day: z.enum(WEEK_DAYS, { message: `must be one of ${WEEK_DAYS.join(", ")}` }) })
    .strict();
}

/**
 * The env's windows (settings.windows): backups/snapshots daily, database and cache maintenance
 * weekly, the OpenSearch off-peak start. 60-minute minimums fit every service that uses them
 * (ElastiCache asks for 60, RDS for 30). Backups may not overlap either maintenance window.
 */
export const maintenanceWindows = z
  .object({
    /** RDS/Aurora automated backups and ElastiCache snapshots. */
    backup: dailyWindowSchema(60),
    /** RDS and Aurora (cluster and instances). */
    databaseMaintenance: weeklyWindowSchema(60),
    /** ElastiCache replication groups. */
    cacheMaintenance: weeklyWindowSchema(60),
    /** OpenSearch off-peak window start (AWS runs it for 10 hours from here), "hh:mm" UTC. */
    searchOffPeakStart: z.string().regex(TIME, { message: 'must be a UTC time "hh:mm" (24-hour), e.g. "03:00"' }),
  })
  .strict()
  .superRefine((w, ctx) => {
    // Field errors are reported by the field schemas; compare only well-formed windows.
    const wellFormed = (x: DailyWindow | undefined) => x !== undefined && windowProblems({ backup: x }, 1).length === 0;
    for (const key of ["databaseMaintenance", "cacheMaintenance"] as const) {
      if (wellFormed(w.backup) && wellFormed(w[key]) && windowsOverlap(w.backup, w[key])) {
        ctx.addIssue({
          code: "custom",
          // At the start: the value that places the window (and the file that set it).
          path: [key, "start"],
          message: `${formatWeeklyWindow(w[key])} overlaps the daily backup window ${formatDailyWindow(w.backup)}: RDS and ElastiCache refuse overlapping backup and maintenance windows`,
        });
      }
    }
  });
export type MaintenanceWindows = z.infer<typeof maintenanceWindows>;

/**
 * What a service would refuse about its pair of windows: a malformed value, a window shorter than
 * the service minimum, or a backup window overlapping the maintenance window. For constructs,
 * whose props may not come through config.
 */
export function windowProblems(windows: { readonly backup?: DailyWindow; readonly maintenance?: WeeklyWindow }, minMinutes = 30): string[] {
  const problems: string[] = [];
  const check = (name: string, w: DailyWindow | undefined, format: () => string): boolean => {
    if (w === undefined) return false;
    try {
      format();
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
      return false;
    }
    if (w.durationMinutes < minMinutes) problems.push(`${name} ${format()} is ${w.durationMinutes} minutes; the service minimum is ${minMinutes}`);
    return true;
  };
  const { backup, maintenance } = windows;
  const backupOk = check("backup window", backup, () => formatDailyWindow(backup!));
  const maintenanceOk = check("maintenance window", maintenance, () => formatWeeklyWindow(maintenance!));
  if (backupOk && maintenanceOk && windowsOverlap(backup!, maintenance!)) {
    problems.push(
      `backup window ${formatDailyWindow(backup!)} overlaps maintenance window ${formatWeeklyWindow(maintenance!)} (AWS refuses overlapping windows)`,
    );
  }
  return problems;
}
