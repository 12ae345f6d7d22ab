import type { Construct } from "constructs";
import { MetricAlarm } from "../metric-alarm";

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

/**
 * CPUUtilization (average) above `thresholdPercent` (default 80, seed 004 "High CPU (>80%)") over
 * 2 × 300 s by default: the CPU alarm of every service that publishes the metric.
 * `subject` starts the generated description, e.g. "EC2" or "RDS orders-db".
 */
export function cpuUtilizationAlarm(
  scope: Construct,
  id: string,
  props: AlarmHelperProps & { readonly thresholdPercent?: number },
  metric: { readonly subject: string; readonly namespace: string; readonly dimensions: Readonly<Record<string, string>> },
): MetricAlarm {
  const threshold = props.thresholdPercent ?? 80;
  const period = props.period ?? 300;
  const evaluationPeriods = props.evaluationPeriods ?? 2;
  return new MetricAlarm(scope, id, {
    name: props.name,
    description: props.description ?? `${metric.subject} CPU above ${threshold}% for ${windowText(period, evaluationPeriods)}`,
    namespace: metric.namespace,
    metricName: "CPUUtilization",
    dimensions: metric.dimensions,
    statistic: "Average",
    comparison: "GreaterThanThreshold",
    threshold,
    period,
    evaluationPeriods,
    datapointsToAlarm: props.datapointsToAlarm,
    alarmTopicArns: props.alarmTopicArns,
    tags: props.tags,
  });
}
