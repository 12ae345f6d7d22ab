import { describe, expect, it } from "vitest";
import { validateAlarmPeriod, validateEvaluation, validateExtendedStatistic } from "./alarm-validation";
import { MetricAlarm, type MetricAlarmProps } from "./metric-alarm";
import { only, synthJson } from "@infra/testing-core/json";

const TOPIC = "arn:aws:sns:us-east-1:111122223333:alerts";
const base = {
  name: "api-latency-p99",
  description: "API p99 latency above 2 s for 5 min",
  namespace: "AWS/ApiGateway",
  metricName: "Latency",
  dimensions: { ApiId: "abc123" },
  comparison: "GreaterThanThreshold",
  threshold: 2000,
  period: 60,
  evaluationPeriods: 5,
  alarmTopicArns: [TOPIC],
} satisfies MetricAlarmProps;

const alarmOf = (props: MetricAlarmProps) =>
  only(
    synthJson((s) => new MetricAlarm(s, "a", props)),
    "aws_cloudwatch_metric_alarm",
  );

describe("MetricAlarm", () => {
  it("renders a single-metric alarm with SNS alarm and OK actions", () => {
    expect(alarmOf({ ...base, extendedStatistic: "p99" })).toEqual({
      alarm_name: "api-latency-p99",
      alarm_description: "API p99 latency above 2 s for 5 min",
      namespace: "AWS/ApiGateway",
      metric_name: "Latency",
      dimensions: { ApiId: "abc123" },
      extended_statistic: "p99",
      comparison_operator: "GreaterThanThreshold",
      threshold: 2000,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: "notBreaching",
      actions_enabled: true,
      alarm_actions: [TOPIC],
      ok_actions: [TOPIC],
      tags: {},
    });
  });

  it("defaults to Average, honours M-of-N, notifyOnOk=false and extra actions", () => {
    const alarm = alarmOf({
      ...base,
      datapointsToAlarm: 3,
      notifyOnOk: false,
      treatMissingData: "breaching",
      extraAlarmActions: ["arn:aws:automate:us-east-1:ec2:recover"],
    });
    expect(alarm.statistic).toBe("Average");
    expect(alarm.extended_statistic).toBeUndefined();
    expect(alarm.datapoints_to_alarm).toBe(3);
    expect(alarm.treat_missing_data).toBe("breaching");
    expect(alarm.ok_actions).toEqual([]);
    expect(alarm.alarm_actions).toEqual([TOPIC, "arn:aws:automate:us-east-1:ec2:recover"]);
  });

  it("renders metric math with the period on every metric and returnData on one query", () => {
    const alarm = alarmOf({
      name: "api-error-rate",
      description: "5XX above 5% for 5 min",
      comparison: "GreaterThanThreshold",
      threshold: 5,
      period: 300,
      evaluationPeriods: 1,
      alarmTopicArns: [TOPIC],
      returnId: "rate",
      metricQueries: [
        { id: "errors", namespace: "AWS/ApiGateway", metricName: "5xx", dimensions: { ApiId: "abc" }, stat: "Sum" },
        { id: "requests", namespace: "AWS/ApiGateway", metricName: "Count", dimensions: { ApiId: "abc" }, stat: "Sum" },
        { id: "rate", expression: "100 * errors / requests", label: "error %" },
      ],
    });
    expect(alarm.metric_name).toBeUndefined();
    expect(alarm.period).toBeUndefined();
    expect(alarm.metric_query).toEqual([
      { id: "errors", return_data: false, metric: { namespace: "AWS/ApiGateway", metric_name: "5xx", dimensions: { ApiId: "abc" }, stat: "Sum", period: 300 } },
      {
        id: "requests",
        return_data: false,
        metric: { namespace: "AWS/ApiGateway", metric_name: "Count", dimensions: { ApiId: "abc" }, stat: "Sum", period: 300 },
      },
      { id: "rate", expression: "100 * errors / requests", label: "error %", return_data: true },
    ]);
  });

  it.each([
    [
      { ...base, period: 45 },
      "MetricAlarm api-latency-p99: period 45s is not allowed: CloudWatch accepts 10, 30 (high-resolution metrics) or a multiple of 60 seconds",
    ],
    [{ ...base, datapointsToAlarm: 6 }, "datapointsToAlarm 6 must be between 1 and evaluationPeriods (5)"],
    [{ ...base, statistic: "Average", extendedStatistic: "p99" } as MetricAlarmProps, "set statistic or extendedStatistic, not both"],
    [{ ...base, extendedStatistic: "p999x" }, 'extendedStatistic "p999x" is not a percentile'],
    [{ ...base, alarmTopicArns: [] }, "alarmTopicArns is empty"],
  ])("rejects bad props (%#)", (props, message) => {
    expect(() => alarmOf(props as MetricAlarmProps)).toThrow(message);
  });

  it("rejects a returnId that names no query", () => {
    expect(() =>
      alarmOf({
        ...base,
        namespace: undefined,
        metricName: undefined,
        dimensions: undefined,
        returnId: "x",
        metricQueries: [{ id: "e", expression: "1" }],
      } as unknown as MetricAlarmProps),
    ).toThrow('returnId "x" is not one of the metric query ids: e');
  });
});

describe("alarm validation helpers", () => {
  it("accepts 10, 30 and multiples of 60 only", () => {
    for (const ok of [10, 30, 60, 300, 3600, 86400]) expect(validateAlarmPeriod(ok)).toBeUndefined();
    for (const bad of [0, 5, 20, 59, 90, 61.5, -60]) expect(validateAlarmPeriod(bad)).toBeDefined();
  });
  it("limits the evaluation window to 7 days", () => {
    expect(validateEvaluation(3600, 168)).toBeUndefined();
    expect(validateEvaluation(3600, 169)).toMatch(/exceeds CloudWatch's 7-day limit/);
    expect(validateEvaluation(60, 0)).toMatch(/evaluationPeriods 0/);
  });
  it("knows percentiles", () => {
    for (const ok of ["p99", "p99.9", "p50", "p100", "tm90"]) expect(validateExtendedStatistic(ok)).toBeUndefined();
    for (const bad of ["Average", "p", "99", "p1000"]) expect(validateExtendedStatistic(bad)).toBeDefined();
  });
});
