/** What every ready-made alarm helper takes; the thresholds default to seed 004's values. */
export interface AlarmHelperProps {
  /** Alarm name, unique in the account and region. */
  readonly name: string;
  /** SNS topics notified on ALARM and OK. */
  readonly alarmTopicArns: readonly string[];
  /** Overrides the generated description. */
  readonly description?: string;
  /** Seconds per datapoint. @default 300 */
  readonly period?: number;
  /** @default 2 (10 minutes at a 300 s period) */
  readonly evaluationPeriods?: number;
  /** @default evaluationPeriods */
  readonly datapointsToAlarm?: number;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

export function windowText(period: number, evaluationPeriods: number): string {
  const seconds = period * evaluationPeriods;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
