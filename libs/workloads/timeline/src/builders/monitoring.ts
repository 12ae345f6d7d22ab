import { XrayGroup } from "@cdktf/provider-aws/lib/xray-group";
import type { StackBuilder } from "@infra/core";
import { masterRotationFailureAlarm } from "@infra/workload-shared";
import { TracingSamplingRule } from "@infra/lambda";
import { AlertTopic, Dashboard, LogGroup, MetricAlarm, rdsCpuAlarm, rdsEventSubscription, rdsFreeStorageAlarm } from "@infra/monitoring";
import type { TimelineMonitoringInputs } from "../inputs/monitoring";
import { buildTimelineCache } from "./cache";
import { buildTimelineCdn } from "./cdn";
import { buildTimelineKms } from "./kms";
import { buildTimelineRds } from "./rds";

export interface TimelineMonitoring {
  readonly topic: AlertTopic;
  readonly applicationLogGroup: LogGroup;
  /** The service name the application reports to X-Ray (the sampling rule and group match it). */
  readonly xrayServiceName: string;
}

/**
 * Seed 002 monitoring and logging: CloudWatch logs (the central application log group), metrics and
 * alarms (RDS, replicas, Redis, CloudFront) notifying an encrypted SNS topic, RDS events, X-Ray
 * sampling and a trace group with insights, and a dashboard.
 */
export const buildTimelineMonitoring: StackBuilder<TimelineMonitoringInputs, TimelineMonitoring> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const db = ctx.dependencyOn("rds", buildTimelineRds);
  const { nodeIds } = ctx.dependencyOn("cache", buildTimelineCache);
  const cdn = ctx.deployment.dependencies["cdn"] ? ctx.dependencyOn("cdn", buildTimelineCdn) : undefined;
  const region = ctx.deployment.region.name;
  const n = inputs.name;

  const topic = new AlertTopic(stack, "alerts", { name: `${n}-alerts`, kmsKeyArn: keys.alerts.keyArn, emails: inputs.alarmEmails });
  const actions = [topic.topicArn];

  const applicationLogGroup = new LogGroup(stack, "application-logs", {
    name: `/timeline/${ctx.env.name}/application`,
    retentionDays: inputs.logRetentionDays,
    kmsKeyArn: keys.logs.keyArn,
    deletionProtection: ctx.settings.deletionProtection,
  });

  // X-Ray: what share of requests is traced, and a group whose insights flag latency/fault anomalies.
  new TracingSamplingRule(stack, "xray-sampling", {
    name: `${n}`.slice(0, 32),
    reservoirSize: inputs.xray.reservoirSize,
    fixedRate: inputs.xray.fixedRate,
    serviceName: inputs.xray.serviceName,
  }).movedFrom("aws_xray_sampling_rule.xray-sampling");
  new XrayGroup(stack, "xray-group", {
    groupName: `${n}`.slice(0, 32),
    filterExpression: `service("${inputs.xray.serviceName}")`,
    insightsConfiguration: { insightsEnabled: true, notificationsEnabled: true },
  });

  // Database: the primary (or the DR replica) and its same-region read replicas.
  const instances = [db.database.instanceId, ...db.database.replicaIds];
  const alarms: MetricAlarm[] = [];
  instances.forEach((id, i) => {
    const label = i === 0 ? (db.isCrossRegionReplica ? "rds-dr-replica" : "rds") : `rds-replica-${i}`;
    alarms.push(
      rdsCpuAlarm(stack, `${label}-cpu`, {
        name: `${n}-${label}-cpu-high`,
        dbInstanceIdentifier: id,
        thresholdPercent: inputs.cpuThresholdPercent,
        alarmTopicArns: actions,
      }),
      rdsFreeStorageAlarm(stack, `${label}-storage`, {
        name: `${n}-${label}-free-storage-low`,
        dbInstanceIdentifier: id,
        allocatedStorageGb: db.allocatedStorageGb,
        freePercent: inputs.freeStoragePercent,
        alarmTopicArns: actions,
      }),
    );
    if (i > 0 || db.isCrossRegionReplica) {
      alarms.push(
        new MetricAlarm(stack, `${label}-lag`, {
          name: `${n}-${label}-lag-high`,
          description: `RDS ${label} lags its source by more than ${inputs.replicaLagSeconds} s for 10 min: stale reads${db.isCrossRegionReplica ? ", DR recovery point at risk" : ""}`,
          namespace: "AWS/RDS",
          metricName: "ReplicaLag",
          dimensions: { DBInstanceIdentifier: id },
          statistic: "Maximum",
          comparison: "GreaterThanThreshold",
          threshold: inputs.replicaLagSeconds,
          period: 300,
          evaluationPeriods: 2,
          alarmTopicArns: actions,
        }),
      );
    }
  });
  rdsEventSubscription(stack, "rds-events", {
    name: `${n}-rds-events`,
    dbInstanceIdentifiers: instances,
    topicArn: topic.topicArn,
    eventCategories: ["availability", "failover", "failure", "low storage", "read replica"],
  });
  masterRotationFailureAlarm(stack, n, db.database, topic.topicArn);

  // Redis: per node (ElastiCache publishes host and engine metrics per member cluster).
  nodeIds.forEach((node) => {
    const suffix = node.slice(node.length - 8);
    alarms.push(
      new MetricAlarm(stack, `redis-cpu-${suffix}`, {
        name: `${n}-redis-${suffix}-engine-cpu-high`,
        description: `Redis node ${node}: engine CPU above ${inputs.cpuThresholdPercent}% for 10 min`,
        namespace: "AWS/ElastiCache",
        metricName: "EngineCPUUtilization",
        dimensions: { CacheClusterId: node },
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: inputs.cpuThresholdPercent,
        period: 300,
        evaluationPeriods: 2,
        alarmTopicArns: actions,
      }),
      new MetricAlarm(stack, `redis-memory-${suffix}`, {
        name: `${n}-redis-${suffix}-memory-high`,
        description: `Redis node ${node}: memory above ${inputs.cacheMemoryPercent}% for 10 min; keys with a TTL are being evicted`,
        namespace: "AWS/ElastiCache",
        metricName: "DatabaseMemoryUsagePercentage",
        dimensions: { CacheClusterId: node },
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: inputs.cacheMemoryPercent,
        period: 300,
        evaluationPeriods: 2,
        alarmTopicArns: actions,
      }),
    );
  });

  if (cdn) {
    // CloudFront metrics live in us-east-1 with Region = Global.
    alarms.push(
      new MetricAlarm(stack, "cdn-5xx", {
        name: `${n}-cdn-5xx-rate-high`,
        description: `CloudFront 5xx error rate above ${inputs.cdn5xxRatePercent}% for 10 min`,
        namespace: "AWS/CloudFront",
        metricName: "5xxErrorRate",
        dimensions: { DistributionId: cdn.distribution.distributionId, Region: "Global" },
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: inputs.cdn5xxRatePercent,
        period: 300,
        evaluationPeriods: 2,
        alarmTopicArns: actions,
      }),
    );
  }

  new Dashboard(stack, "dashboard", {
    name: n,
    region,
    widgets: [
      { type: "text", markdown: `# ${n}\nTimeline app (seed 002) in ${region}: RDS PostgreSQL, Redis${cdn ? ", CloudFront" : ""}.` },
      { type: "alarm", title: "Alarms", alarmArns: alarms.map((a) => a.alarmArn) },
      {
        type: "metric",
        title: "RDS: CPU",
        metrics: instances.map((id) => ["AWS/RDS", "CPUUtilization", { DBInstanceIdentifier: id }] as const),
        stat: "Average",
      },
      {
        type: "metric",
        title: "Redis: memory %",
        metrics: nodeIds.map((id) => ["AWS/ElastiCache", "DatabaseMemoryUsagePercentage", { CacheClusterId: id }] as const),
        stat: "Average",
      },
    ],
  });
  return { topic, applicationLogGroup, xrayServiceName: inputs.xray.serviceName };
};
