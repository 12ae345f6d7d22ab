export interface ServerlessV2Scaling {
  /** Minimum ACUs, 0..256 in 0.5 steps; 0 only with `secondsUntilAutoPause` (auto-pause). */
  readonly minCapacity: number;
  /** Maximum ACUs, 1..256 in 0.5 steps, >= minCapacity. */
  readonly maxCapacity: number;
  /** Seconds idle before an auto-pausing cluster (minCapacity 0) pauses, 300..86400. @default none */
  readonly secondsUntilAutoPause?: number;
}

const halfStep = (v: number) => Number.isFinite(v) && Number.isInteger(v * 2);

/**
 * Every problem with a Serverless v2 capacity range, as readable messages (empty when valid).
 * Seed 000: min 0.5 ("can scale to 0 when idle": min 0 with auto-pause), max 16.
 */
export function validateServerlessCapacity(min: number, max: number, secondsUntilAutoPause?: number): string[] {
  const errors: string[] = [];
  if (!halfStep(min) || min < 0 || min > 256) errors.push(`minCapacity ${min} must be from 0 to 256 ACUs in steps of 0.5`);
  if (!halfStep(max) || max < 1 || max > 256) errors.push(`maxCapacity ${max} must be from 1 to 256 ACUs in steps of 0.5`);
  if (min > max) errors.push(`minCapacity ${min} is above maxCapacity ${max}`);
  if (min === 0 && secondsUntilAutoPause === undefined) errors.push("minCapacity 0 (auto-pause) needs secondsUntilAutoPause (300..86400)");
  if (secondsUntilAutoPause !== undefined) {
    if (min !== 0) errors.push(`secondsUntilAutoPause only applies with minCapacity 0 (got ${min})`);
    if (!Number.isInteger(secondsUntilAutoPause) || secondsUntilAutoPause < 300 || secondsUntilAutoPause > 86400) {
      errors.push(`secondsUntilAutoPause ${secondsUntilAutoPause} must be a whole number from 300 to 86400`);
    }
  }
  return errors;
}
