import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { validateAlarmPeriod, validateEvaluation, validateExtendedStatistic } from "./alarm-validation";

export type AlarmStatistic = "SampleCount" | "Average" | "Sum" | "Minimum" | "Maximum";
export type ComparisonOperator = "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
export type TreatMissingData = "missing" | "ignore" | "breaching" | "notBreaching";

interface CommonAlarmProps {
  /** Alarm name, unique in the account and region. */
  readonly name: string;
  /** What the alarm means and what to do about it. */
  readonly description: string;
  readonly comparison: ComparisonOperator;
  readonly threshold: number;
  /** Seconds per datapoint: 10, 30 or a multiple of 60. Also the period of every metric in `metricQueries`. */
  readonly period: number;
  /** Datapoints looked at. "for 10 min" with a 300 s period is 2. */
  readonly evaluationPeriods: number;
  /** How many of those must breach ("M out of N"). @default evaluationPeriods */
  readonly datapointsToAlarm?: number;
  /** @default "notBreaching" */
  readonly treatMissingData?: TreatMissingData;
  /** SNS topics notified on ALARM (and on OK unless notifyOnOk is false). */
  readonly alarmTopicArns: readonly string[];
  /** Other alarm actions, e.g. "arn:aws:automate:us-east-1:ec2:recover" for EC2 auto-recovery. @default [] */
  readonly extraAlarmActions?: readonly string[];
  /** Also notify the topics when the alarm returns to OK. @default true */
  readonly notifyOnOk?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An alarm on one metric. Exactly one of statistic / extendedStatistic. */
export interface SingleMetricAlarmProps extends CommonAlarmProps {
  readonly namespace: string;
  readonly metricName: string;
  /** @default {} */
  readonly dimensions?: Readonly<Record<string, string>>;
  /** @default "Average" unless extendedStatistic is set */
  readonly statistic?: AlarmStatistic;
  /** A percentile such as "p99". */
  readonly extendedStatistic?: string;
  readonly unit?: string;
  readonly metricQueries?: undefined;
}

/** One metric or expression of a metric-math alarm. */
export type MetricQuery =
  | {
      readonly id: string;
      readonly namespace: string;
      readonly metricName: string;
      readonly dimensions?: Readonly<Record<string, string>>;
      /** "Average", "Sum", "p99", ... */
      readonly stat: string;
      readonly label?: string;
      readonly expression?: undefined;
    }
  | { readonly id: string; readonly expression: string; readonly label?: string };

/** An alarm on a metric-math expression, e.g. an error rate = 100 * errors / requests. */
export interface MetricMathAlarmProps extends CommonAlarmProps {
  /** The metrics and expressions; the alarm evaluates the one named by `returnId`. */
  readonly metricQueries: readonly MetricQuery[];
  /** Id of the query whose value is compared with the threshold. */
  readonly returnId: string;
  readonly namespace?: undefined;
  readonly metricName?: undefined;
}

export type MetricAlarmProps = SingleMetricAlarmProps | MetricMathAlarmProps;

const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

/** A CloudWatch metric alarm that always notifies SNS; period and statistics are checked before synth. */
export class MetricAlarm extends Construct {
  readonly alarmArn: string;
  readonly alarmName: string;

  constructor(scope: Construct, id: string, props: MetricAlarmProps) {
    super(scope, id);
    markLibrary(this, "monitoring");
    const fail = (msg: string): never => {
      throw new Error(`MetricAlarm ${props.name}: ${msg}`);
    };
    const periodError = validateAlarmPeriod(props.period);
    if (periodError) fail(periodError);
    const evalError = validateEvaluation(props.period, props.evaluationPeriods, props.datapointsToAlarm);
    if (evalError) fail(evalError);
    if (props.alarmTopicArns.length === 0) fail("alarmTopicArns is empty: an alarm that notifies nobody is noise");

    const actions = [...props.alarmTopicArns];
    const alarmActions = [...actions, ...(props.extraAlarmActions ?? [])];
    const common = {
      alarmName: props.name,
      alarmDescription: props.description,
      comparisonOperator: props.comparison,
      threshold: props.threshold,
      evaluationPeriods: props.evaluationPeriods,
      datapointsToAlarm: props.datapointsToAlarm ?? props.evaluationPeriods,
      treatMissingData: props.treatMissingData ?? "notBreaching",
      actionsEnabled: true,
      alarmActions,
      okActions: props.notifyOnOk === false ? [] : actions,
      tags: { ...props.tags },
    };

    let alarm: CloudwatchMetricAlarm;
    if (props.metricQueries === undefined) {
      if (props.statistic !== undefined && props.extendedStatistic !== undefined) {
        fail("set statistic or extendedStatistic, not both");
      }
      if (props.extendedStatistic !== undefined) {
        const statError = validateExtendedStatistic(props.extendedStatistic);
        if (statError) fail(statError);
      }
      alarm = new CloudwatchMetricAlarm(this, "alarm", {
        ...common,
        namespace: props.namespace,
        metricName: props.metricName,
        dimensions: { ...props.dimensions },
        period: props.period,
        ...(props.extendedStatistic !== undefined ? { extendedStatistic: props.extendedStatistic } : { statistic: props.statistic ?? "Average" }),
        unit: props.unit,
      });
    } else {
      const ids = props.metricQueries.map((q) => q.id);
      for (const qid of ids) if (!QUERY_ID.test(qid)) fail(`metric query id "${qid}" must start with a lower-case letter (letters, digits, _)`);
      if (new Set(ids).size !== ids.length) fail(`metric query ids must be unique: ${ids.join(", ")}`);
      if (!ids.includes(props.returnId)) fail(`returnId "${props.returnId}" is not one of the metric query ids: ${ids.join(", ")}`);
      alarm = new CloudwatchMetricAlarm(this, "alarm", {
        ...common,
        metricQuery: props.metricQueries.map((q) =>
          q.expression !== undefined
            ? { id: q.id, expression: q.expression, label: q.label, returnData: q.id === props.returnId }
            : {
                id: q.id,
                label: q.label,
                returnData: q.id === props.returnId,
                metric: {
                  namespace: q.namespace,
                  metricName: q.metricName,
                  dimensions: { ...q.dimensions },
                  stat: q.stat,
                  period: props.period,
                },
              },
        ),
      });
    }
    this.alarmArn = alarm.arn;
    this.alarmName = alarm.alarmName;
  }
}

/** Function form of `new MetricAlarm(...)`. */
export function metricAlarm(scope: Construct, id: string, props: MetricAlarmProps): MetricAlarm {
  return new MetricAlarm(scope, id, props);
}
