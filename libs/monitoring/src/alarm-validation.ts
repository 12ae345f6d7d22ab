/** CloudWatch accepts an alarm period of 10 or 30 seconds (high-resolution metrics) or any multiple of 60. */
export function validateAlarmPeriod(period: number): string | undefined {
  if (!Number.isInteger(period) || period <= 0) return `period ${period} must be a positive whole number of seconds`;
  if (period === 10 || period === 30 || period % 60 === 0) return undefined;
  return `period ${period}s is not allowed: CloudWatch accepts 10, 30 (high-resolution metrics) or a multiple of 60 seconds`;
}

/** "p99", "p99.9", "tm90" style extended statistics (percentiles and trimmed statistics). */
const EXTENDED_STATISTIC = /^(p|tm|wm|tc|ts)(\d{1,2}(\.\d{1,3})?|100)$/;

export function validateExtendedStatistic(stat: string): string | undefined {
  if (EXTENDED_STATISTIC.test(stat)) return undefined;
  return `extendedStatistic "${stat}" is not a percentile or trimmed statistic such as "p99" or "p99.9"`;
}

/** The longest an alarm may look back: 7 days (evaluationPeriods x period). */
export const MAX_ALARM_EVALUATION_SECONDS = 7 * 24 * 3600;

/** Errors in the evaluation window of an alarm, if any. */
export function validateEvaluation(period: number, evaluationPeriods: number, datapointsToAlarm?: number): string | undefined {
  if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1) return `evaluationPeriods ${evaluationPeriods} must be a whole number >= 1`;
  if (datapointsToAlarm !== undefined && (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
    return `datapointsToAlarm ${datapointsToAlarm} must be between 1 and evaluationPeriods (${evaluationPeriods})`;
  }
  if (period * evaluationPeriods > MAX_ALARM_EVALUATION_SECONDS) {
    return `period x evaluationPeriods = ${period * evaluationPeriods}s exceeds CloudWatch's 7-day limit (${MAX_ALARM_EVALUATION_SECONDS}s)`;
  }
  return undefined;
}
