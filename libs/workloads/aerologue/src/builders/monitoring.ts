import type { StackBuilder } from "@infra/core";
import { AlertTopic, MetricAlarm } from "@infra/monitoring";
import type { MonitoringInputs } from "../inputs/modules";
import { buildApi } from "./api";
import { buildAurora } from "./aurora";
import { buildDynamodb } from "./dynamodb";
import { throttleQueries } from "./dynamodb-throttles";
import { buildFunctions } from "./functions";
import { buildKms } from "./kms";

export interface MonitoringOutputs {
  readonly topic: AlertTopic;
}

const FIVE_MINUTES = 300;

/** ARC-010 alarms, every one to the encrypted SNS topic with the env's email subscriptions. */
export const buildMonitoring: StackBuilder<MonitoringInputs, MonitoringOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms).regions[ctx.deployment.region.name]!;
  const api = ctx.dependencyOn("api", buildApi);
  const functions = ctx.dependencyOn("functions", buildFunctions).functions;
  const aurora = ctx.dependencyOn("aurora", buildAurora);
  const tables = ctx.dependencyOn("dynamodb", buildDynamodb).tables;

  const topic = new AlertTopic(stack, "alerts", { name: `${inputs.prefix}-alerts`, kmsKeyArn: keys.alerts.keyArn, emails: inputs.emails });
  const common = { alarmTopicArns: [topic.topicArn] };
  const apiDims = { ApiId: api.http.apiId, Stage: api.http.stageName };

  new MetricAlarm(stack, "api-error-rate", {
    ...common,
    name: `${inputs.prefix}-api-5xx-rate`,
    description: `HTTP API 5xx responses above ${inputs.api5xxPercent} % of requests for 5 minutes (ARC-010)`,
    comparison: "GreaterThanThreshold",
    threshold: inputs.api5xxPercent,
    period: FIVE_MINUTES,
    evaluationPeriods: 1,
    metricQueries: [
      { id: "errors", namespace: "AWS/ApiGateway", metricName: "5xx", dimensions: apiDims, stat: "Sum" },
      { id: "requests", namespace: "AWS/ApiGateway", metricName: "Count", dimensions: apiDims, stat: "Sum" },
      { id: "rate", expression: "IF(requests > 0, 100 * errors / requests, 0)", label: "5xx %" },
    ],
    returnId: "rate",
  });
  new MetricAlarm(stack, "api-latency-p99", {
    ...common,
    name: `${inputs.prefix}-api-latency-p99`,
    description: `HTTP API p99 latency above ${inputs.apiP99Seconds} s for 5 minutes (ARC-010)`,
    namespace: "AWS/ApiGateway",
    metricName: "Latency",
    dimensions: apiDims,
    extendedStatistic: "p99",
    comparison: "GreaterThanThreshold",
    threshold: inputs.apiP99Seconds * 1000,
    period: FIVE_MINUTES,
    evaluationPeriods: 1,
  });
  for (const [name, fn] of Object.entries(functions)) {
    new MetricAlarm(stack, `lambda-errors-${name}`, {
      ...common,
      name: `${inputs.prefix}-lambda-errors-${name}`,
      description: `${name}: more than ${inputs.lambdaErrors} errors in 5 minutes (ARC-010)`,
      namespace: "AWS/Lambda",
      metricName: "Errors",
      dimensions: { FunctionName: fn.functionName },
      statistic: "Sum",
      comparison: "GreaterThanThreshold",
      threshold: inputs.lambdaErrors,
      period: FIVE_MINUTES,
      evaluationPeriods: 1,
    });
  }
  new MetricAlarm(stack, "aurora-cpu", {
    ...common,
    name: `${inputs.prefix}-aurora-cpu`,
    description: `Aurora CPU above ${inputs.auroraCpuPercent} % for 10 minutes (ARC-010)`,
    namespace: "AWS/RDS",
    metricName: "CPUUtilization",
    dimensions: { DBClusterIdentifier: aurora.cluster.clusterIdentifier },
    statistic: "Average",
    comparison: "GreaterThanThreshold",
    threshold: inputs.auroraCpuPercent,
    period: FIVE_MINUTES,
    evaluationPeriods: 2,
  });
  for (const [name, table] of Object.entries(tables)) {
    const { queries, returnId } = throttleQueries(table.tableName, table.globalSecondaryIndexNames, `aerologue-ops/monitoring (${name})`);
    new MetricAlarm(stack, `dynamodb-throttles-${name.replace(/_/g, "-")}`, {
      ...common,
      name: `${inputs.prefix}-dynamodb-throttles-${name}`,
      description: `DynamoDB ${name}: any throttled read or write on the table or its indexes in 5 minutes (ARC-010)`,
      comparison: "GreaterThanThreshold",
      threshold: inputs.dynamodbThrottles,
      period: FIVE_MINUTES,
      evaluationPeriods: 1,
      metricQueries: queries,
      returnId,
    });
  }
  const wsThreshold = Math.round((inputs.wsConnectionLimit * inputs.wsConnectionsPercent) / 100);
  new MetricAlarm(stack, "websocket-connections", {
    ...common,
    name: `${inputs.prefix}-websocket-connections`,
    description: `Active WebSocket connections above ${inputs.wsConnectionsPercent} % of the ${inputs.wsConnectionLimit} limit (ARC-006/ARC-010); published by the app as Aerologue/ActiveWebSocketConnections`,
    namespace: "Aerologue",
    metricName: "ActiveWebSocketConnections",
    statistic: "Maximum",
    comparison: "GreaterThanThreshold",
    threshold: wsThreshold,
    period: FIVE_MINUTES,
    evaluationPeriods: 1,
  });
  return { topic };
};
