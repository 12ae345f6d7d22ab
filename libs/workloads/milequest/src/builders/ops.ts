import { ChatbotSlackChannelConfiguration } from "@cdktf/provider-aws/lib/chatbot-slack-channel-configuration";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { XrayGroup } from "@cdktf/provider-aws/lib/xray-group";
import type { StackBuilder } from "@infra/core";
import { Budget } from "@infra/governance";
import { type LambdaFunction, TracingSamplingRule } from "@infra/lambda";
import { AlertTopic, Dashboard, type DashboardMetric, MetricAlarm, type SingleMetricAlarmProps } from "@infra/monitoring";
import type { BudgetInputs, MonitoringInputs } from "../inputs";
import { buildAurora, buildCache } from "./data";
import { buildJobs } from "./jobs";
import { buildMessaging } from "./messaging";
import { buildRestApi } from "./rest-api";
import { buildKms } from "./security";
import { buildWebsocket } from "./websocket";

export interface MonitoringOutputs {
  readonly alertTopicArn: string;
  readonly alarmNames: readonly string[];
  /** The errors alarm of each function, by function key: CodeDeploy rolls a deployment back on it. */
  readonly functionErrorAlarms: Readonly<Record<string, string>>;
}

/**
 * Seed 003 "Monitoring Architecture": CloudWatch metrics and logs → dashboard; alarms → SNS →
 * email (and PagerDuty / Slack when configured); X-Ray traces (Lambda and API Gateway trace
 * actively; a group and sampling rule here). CloudWatch Logs Insights needs no resource.
 */
export const buildMonitoring: StackBuilder<MonitoringInputs, MonitoringOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const rest = ctx.dependencyOn("rest", buildRestApi);
  const ws = ctx.dependencyOn("websocket", buildWebsocket);
  const jobs = ctx.dependencyOn("jobs", buildJobs);
  const { cluster } = ctx.dependencyOn("aurora", buildAurora);
  const messaging = ctx.dependencyOn("messaging", buildMessaging);
  const cache = "cache" in ctx.deployment.dependencies ? ctx.dependencyOn("cache", buildCache) : undefined;
  const region = ctx.deployment.region.name;

  const topic = new AlertTopic(stack, "alerts", { name: `${inputs.name}-alerts`, kmsKeyArn: keys.alerts.keyArn, emails: inputs.alarmEmails });
  if (inputs.pagerDutyEndpoint) {
    new SnsTopicSubscription(stack, "pagerduty", { topicArn: topic.topicArn, protocol: "https", endpoint: inputs.pagerDutyEndpoint });
  }
  if (inputs.slack) {
    const assume = new DataAwsIamPolicyDocument(stack, "chatbot-assume", {
      statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["chatbot.amazonaws.com"] }] }],
    });
    const role = new IamRole(stack, "chatbot-role", { name: `${inputs.name}-chatbot`, assumeRolePolicy: assume.json });
    new IamRolePolicyAttachment(stack, "chatbot-read-only", { role: role.name, policyArn: "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess" });
    new ChatbotSlackChannelConfiguration(stack, "slack", {
      configurationName: `${inputs.name}-alerts`,
      iamRoleArn: role.arn,
      slackTeamId: inputs.slack.workspaceId,
      slackChannelId: inputs.slack.channelId,
      snsTopicArns: [topic.topicArn],
      guardrailPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    });
  }
  const actions = [topic.topicArn];
  const alarms: MetricAlarm[] = [];
  const alarm = (id: string, props: Omit<SingleMetricAlarmProps, "alarmTopicArns" | "name">) => {
    const a = new MetricAlarm(stack, id, { ...props, name: `${inputs.name}-${id}`, alarmTopicArns: actions });
    alarms.push(a);
    return a;
  };

  // REST (v1) metrics are dimensioned by API name; WebSocket metrics by API id.
  const restDims = { ApiName: rest.restApiName, Stage: rest.stageName };
  alarm("api-5xx", {
    description: `REST API 5XX rate above ${inputs.api5xxPercent} % for 10 minutes: check the functions' errors and X-Ray traces`,
    namespace: "AWS/ApiGateway",
    metricName: "5XXError",
    dimensions: restDims,
    statistic: "Average",
    comparison: "GreaterThanThreshold",
    threshold: inputs.api5xxPercent / 100,
    period: 300,
    evaluationPeriods: 2,
  });
  alarm("api-latency-p99", {
    description: `REST API p99 latency above ${inputs.apiLatencyP99Ms} ms for 15 minutes`,
    namespace: "AWS/ApiGateway",
    metricName: "Latency",
    dimensions: restDims,
    extendedStatistic: "p99",
    comparison: "GreaterThanThreshold",
    threshold: inputs.apiLatencyP99Ms,
    period: 300,
    evaluationPeriods: 3,
  });
  const functions: LambdaFunction[] = [...Object.values(rest.functions), ...Object.values(ws.functions), ...Object.values(jobs.functions)];
  const functionErrorAlarms: Record<string, string> = {};
  Object.entries({ ...rest.functions, ...ws.functions, ...jobs.functions }).forEach(([fn, f]) => {
    functionErrorAlarms[fn] = alarm(`lambda-errors-${fn}`, {
      description: `Lambda ${fn} failed more than ${inputs.lambdaErrorsPer5Min} times in 5 minutes`,
      namespace: "AWS/Lambda",
      metricName: "Errors",
      dimensions: { FunctionName: f.functionName },
      statistic: "Sum",
      comparison: "GreaterThanThreshold",
      threshold: inputs.lambdaErrorsPer5Min,
      period: 300,
      evaluationPeriods: 1,
    }).alarmName;
  });
  alarm("aurora-acu", {
    description: `Aurora ACU utilization above ${inputs.auroraAcuPercent} % for 15 minutes: raise maxAcu or look at the queries`,
    namespace: "AWS/RDS",
    metricName: "ACUUtilization",
    dimensions: { DBClusterIdentifier: cluster.clusterIdentifier },
    statistic: "Average",
    comparison: "GreaterThanThreshold",
    threshold: inputs.auroraAcuPercent,
    period: 300,
    evaluationPeriods: 3,
  });
  for (const [id, queueName] of [
    ["activity-dlq", messaging.activityQueue.dlqName],
    ["function-failures", messaging.functionDlq.queueName],
  ] as const) {
    alarm(`${id}-messages`, {
      description: `Messages in ${id}: failed work waits for a redrive`,
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: queueName },
      statistic: "Maximum",
      comparison: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      period: 300,
      evaluationPeriods: 1,
    });
  }

  new XrayGroup(stack, "xray-group", {
    groupName: `${inputs.name}-faults`.slice(0, 32),
    filterExpression: "fault = true OR error = true OR responsetime > 3",
    insightsConfiguration: { insightsEnabled: true, notificationsEnabled: false },
  });
  // The rule was a raw resource here before the shared construct (ADR 0030): same rule, new address.
  new TracingSamplingRule(stack, "xray-sampling", {
    name: `mq-${ctx.env.name}-${region}`.slice(0, 32),
    priority: 100,
    reservoirSize: inputs.xrayReservoirPerSecond,
    fixedRate: inputs.xrayFixedRate,
  }).movedFrom("aws_xray_sampling_rule.xray-sampling");

  const lambdaMetric = (metric: string, stat: string) =>
    functions.map((f): DashboardMetric => ["AWS/Lambda", metric, { FunctionName: f.functionName }, { stat }]);
  new Dashboard(stack, "dashboard", {
    name: inputs.name,
    region,
    widgets: [
      {
        type: "text",
        markdown: `# Mile Quest ${ctx.env.name} ${region} (${inputs.role})\nSeed 003. Traces: X-Ray group \`${inputs.name}-faults\`. Logs: CloudWatch Logs Insights over /aws/lambda/${inputs.name}-*.`,
      },
      { type: "alarm", title: "Alarms", alarmArns: alarms.map((a) => a.alarmArn) },
      {
        type: "metric",
        title: "REST API: requests, 4XX, 5XX",
        metrics: [
          ["AWS/ApiGateway", "Count", restDims, { stat: "Sum" }],
          ["AWS/ApiGateway", "4XXError", restDims, { stat: "Sum" }],
          ["AWS/ApiGateway", "5XXError", restDims, { stat: "Sum" }],
        ],
      },
      { type: "metric", title: "REST API: latency p99 (ms)", metrics: [["AWS/ApiGateway", "Latency", restDims, { stat: "p99" }]] },
      {
        type: "metric",
        title: "WebSocket: connects, messages",
        metrics: [
          ["AWS/ApiGateway", "ConnectCount", { ApiId: ws.apiId, Stage: ws.stageName }, { stat: "Sum" }],
          ["AWS/ApiGateway", "MessageCount", { ApiId: ws.apiId, Stage: ws.stageName }, { stat: "Sum" }],
        ],
      },
      { type: "metric", title: "Lambda: errors", metrics: lambdaMetric("Errors", "Sum") },
      { type: "metric", title: "Lambda: duration p95 (ms)", metrics: lambdaMetric("Duration", "p95") },
      {
        type: "metric",
        title: "Aurora: ACU, connections",
        metrics: [
          ["AWS/RDS", "ServerlessDatabaseCapacity", { DBClusterIdentifier: cluster.clusterIdentifier }],
          ["AWS/RDS", "DatabaseConnections", { DBClusterIdentifier: cluster.clusterIdentifier }],
        ],
      },
      ...(cache
        ? [
            {
              type: "metric" as const,
              title: "ElastiCache Serverless: ECPUs, data",
              metrics: [
                ["AWS/ElastiCache", "ElastiCacheProcessingUnits", { clusterId: cache.cache.cacheName }, { stat: "Sum" }],
                ["AWS/ElastiCache", "BytesUsedForCache", { clusterId: cache.cache.cacheName }],
              ] as DashboardMetric[],
            },
          ]
        : []),
      {
        type: "metric",
        title: "SQS: activity backlog and dead letters",
        metrics: [
          ["AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: messaging.activityQueue.queueName }, { stat: "Maximum" }],
          ["AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: messaging.activityQueue.dlqName }, { stat: "Maximum" }],
        ],
      },
    ],
  });
  return { alertTopicArn: topic.topicArn, alarmNames: alarms.map((a) => a.alarmName), functionErrorAlarms };
};

/**
 * Seed 003 "Cost Controls": an AWS Budget per env on the Project tag with alarms on actual and
 * forecasted spend. The seed's cost figures are the recorded baseline (tags of the budget and the
 * limit's lower bound); Savings Plans are a purchase, not a resource (see the workload doc).
 */
export const buildBudget: StackBuilder<BudgetInputs, { budgetName: string }> = (stack, inputs) => {
  const fixed = inputs.baseline.fixedMonthlyUsd;
  const usage = inputs.baseline.usageUsd;
  const budget = new Budget(stack, "budget", {
    name: `${inputs.name}-monthly`,
    limitUsd: inputs.monthlyLimitUsd,
    timeUnit: "MONTHLY",
    notifications: [
      ...inputs.actualThresholdsPercent.map((p) => ({ thresholdPercent: p, type: "ACTUAL" as const })),
      { thresholdPercent: 100, type: "FORECASTED" },
    ],
    emails: inputs.emails,
    costFilters: { tags: { Project: [inputs.projectTag] } },
    tags: {
      BaselineFixedMonthlyUsd: String(fixed.route53HostedZone + fixed.natGateway),
      BaselineRoute53ZoneMonthlyUsd: String(fixed.route53HostedZone),
      BaselineNatGatewayMonthlyUsd: String(fixed.natGateway),
      BaselineLambdaPerMillionRequestsUsd: String(usage.lambdaPerMillionRequests),
      BaselineApiGatewayPerMillionRequestsUsd: String(usage.apiGatewayPerMillionRequests),
      BaselineS3PerGbMonthUsd: String(usage.s3PerGbMonth),
      BaselineCloudFrontPerGbUsd: String(usage.cloudfrontPerGb),
      BaselineAuroraPerAcuHourUsd: String(usage.auroraServerlessPerAcuHour),
      BaselineElastiCachePerGbHourUsd: String(usage.elasticachePerGbHour),
      BaselineDynamoDbPerMillionRequestsUsd: String(usage.dynamodbPerMillionRequests),
    },
  });
  return { budgetName: budget.budgetName };
};
