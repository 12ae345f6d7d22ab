/**
 * Validation of EventBridge schedule expressions, pure. EventBridge rules and EventBridge
 * Scheduler both stop at one minute: a seconds cadence needs `SubMinuteSchedule` (@infra/lambda).
 */

const SUB_MINUTE_HINT = "EventBridge cannot schedule below 1 minute; use SubMinuteSchedule from @infra/lambda for second-level cadences";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Extra tokens allowed whole, e.g. "L" in day-of-month. */
  readonly special?: RegExp;
  readonly question?: boolean;
}

const FIELDS: readonly FieldSpec[] = [
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31, special: /^(L|LW|\d{1,2}W)$/, question: true },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day-of-week", min: 1, max: 7, names: DAYS, special: /^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5])$|^L$/, question: true },
  { name: "year", min: 1970, max: 2199 },
];

function valueOf(token: string, spec: FieldSpec): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const idx = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  return idx >= 0 ? idx + spec.min : undefined;
}

function fieldError(raw: string, spec: FieldSpec): string | undefined {
  const bad = `cron ${spec.name} field "${raw}" is invalid`;
  if (raw === "?") return spec.question ? undefined : `${bad}: "?" is only allowed in day-of-month or day-of-week`;
  for (const part of raw.split(",")) {
    if (spec.special?.test(part.toUpperCase())) continue;
    const [range, step, ...rest] = part.split("/");
    if (rest.length > 0 || range === undefined || range === "") return bad;
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) < 1)) return `${bad}: step "${step}" must be a positive number`;
    if (range === "*") continue;
    const bounds = range.split("-");
    if (bounds.length > 2) return bad;
    for (const b of bounds) {
      const v = valueOf(b, spec);
      if (v === undefined || v < spec.min || v > spec.max) return `${bad}: "${b}" is outside ${spec.min}-${spec.max}`;
    }
  }
  return undefined;
}

export interface ScheduleExpressionOptions {
  /** Accept one-time `at(yyyy-mm-ddThh:mm:ss)` (EventBridge Scheduler only). @default false */
  readonly allowAt?: boolean;
}

/**
 * Error text for a malformed `rate(...)` / `cron(...)` (/ `at(...)`) expression or a rate below
 * one minute; undefined when EventBridge will accept it.
 */
export function validateScheduleExpression(expr: string, options: ScheduleExpressionOptions = {}): string | undefined {
  const e = expr.trim();
  const rate = /^rate\((.*)\)$/.exec(e);
  if (rate) {
    const m = /^(\d+)\s+([a-z]+)$/.exec(rate[1]!.trim());
    if (!m) return `schedule "${expr}" is malformed: expected rate(<positive whole number> <minute(s)|hour(s)|day(s)>)`;
    const value = Number(m[1]);
    const unit = m[2]!;
    if (/^(second|seconds|sec|secs|s|ms|millisecond|milliseconds)$/.test(unit)) return `schedule "${expr}" is below 1 minute. ${SUB_MINUTE_HINT}`;
    if (!/^(minute|minutes|hour|hours|day|days)$/.test(unit)) return `schedule "${expr}" has unit "${unit}": use minute(s), hour(s) or day(s)`;
    if (value < 1) return `schedule "${expr}" must have a value of at least 1`;
    const plural = unit.endsWith("s");
    if (value === 1 && plural) return `schedule "${expr}": a value of 1 takes the singular unit, e.g. rate(1 ${unit.slice(0, -1)})`;
    if (value > 1 && !plural) return `schedule "${expr}": a value above 1 takes the plural unit, e.g. rate(${value} ${unit}s)`;
    return undefined;
  }
  const cron = /^cron\((.*)\)$/.exec(e);
  if (cron) {
    const fields = cron[1]!.trim().split(/\s+/);
    if (fields.length === 7) return `schedule "${expr}" has 7 fields: EventBridge cron has no seconds field. ${SUB_MINUTE_HINT}`;
    if (fields.length !== 6) {
      return `schedule "${expr}" must have 6 fields: cron(minutes hours day-of-month month day-of-week year), got ${fields.length}`;
    }
    const errors = fields.map((f, i) => fieldError(f, FIELDS[i]!)).filter((x): x is string => x !== undefined);
    if (errors.length > 0) return `schedule "${expr}": ${errors.join("; ")}`;
    const dom = fields[2]!;
    const dow = fields[4]!;
    if ((dom === "?") === (dow === "?")) {
      return `schedule "${expr}": exactly one of day-of-month and day-of-week must be "?"`;
    }
    return undefined;
  }
  if (/^at\(/.test(e)) {
    if (!options.allowAt) return `schedule "${expr}": one-time at(...) schedules need EventBridge Scheduler (Schedule), not a rule`;
    if (!/^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(e)) return `schedule "${expr}" is malformed: expected at(yyyy-mm-ddThh:mm:ss)`;
    return undefined;
  }
  return `schedule "${expr}" is malformed: expected rate(...) or cron(...)${options.allowAt ? " or at(...)" : ""}`;
}
