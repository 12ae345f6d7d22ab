import type { StackBuilder } from "@infra/core";
import { Dashboard, type DashboardWidget, MetricAlarm } from "@infra/monitoring";
import type { AtlasMonitoringInputs } from "../inputs/modules";
import { buildAtlasAlb } from "./alb";
import { buildAtlasAlerts } from "./alerts";
import { atlasTags } from "./common";
import { buildAtlasDockerHost, liveHost } from "./docker-host";
import { DR_READINESS } from "./dr-readiness-handler";
import { buildAtlasEcs } from "./ecs";
import { type AtlasSearch, buildAtlasSearch } from "./opensearch";
import { buildAtlasQueues } from "./queues";
import { buildAtlasRds } from "./rds";

export interface AtlasMonitoring {
  readonly alarmNames: readonly string[];
}

/**
 * The seed's monitoring tables. Phase 1: the five metric alarms of "CloudWatch Alarms" (the sixth,
 * StatusCheckFailed → EC2 auto-recover, sits on the host). Phase 2: the full suite by email and one
 * overview dashboard. Phase 3+: the "CloudWatch Alarms (Phase 3+)" table, critical alarms to the
 * SMS + email topic, three dashboards.
 */
export const buildAtlasMonitoring: StackBuilder<AtlasMonitoringInputs, AtlasMonitoring> = (stack, inputs, ctx) => {
  const db = ctx.dependencyOn("rds", buildAtlasRds);
  const queues = ctx.dependencyOn("queues", buildAtlasQueues);
  const alerts = ctx.dependencyOn("alerts", buildAtlasAlerts);
  const tags = atlasTags("monitoring");
  const region = ctx.deployment.region.name;
  const warning = [alerts.warningTopicArn];
  const critical = [alerts.criticalTopicArn];
  const alarms: MetricAlarm[] = [];
  const dbId = db.database.instanceId;
  const queueMax = (returnLabel: string) => ({
    metricQueries: [
      ...queues.queues.map((q, i) => ({
        id: `q${i}`,
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: q.queueName },
        stat: "Maximum",
        label: q.consumer,
      })),
      { id: "depth", expression: `MAX([${queues.queues.map((_, i) => `q${i}`).join(", ")}])`, label: returnLabel },
    ],
    returnId: "depth",
  });

  const rdsCpu = () =>
    new MetricAlarm(stack, "rds-cpu", {
      name: `${inputs.name}-rds-cpu-high`,
      description: "RDS CPU above 80% for 10 min",
      namespace: "AWS/RDS",
      metricName: "CPUUtilization",
      dimensions: { DBInstanceIdentifier: dbId },
      statistic: "Average",
      comparison: "GreaterThanThreshold",
      threshold: 80,
      period: 300,
      evaluationPeriods: 2,
      alarmTopicArns: warning,
      tags,
    });
  const queueDepth = () =>
    new MetricAlarm(stack, "sqs-depth", {
      name: `${inputs.name}-sqs-queue-depth`,
      description: "An SQS queue holds more than 1,000 messages (the deepest of the queues)",
      comparison: "GreaterThanThreshold",
      threshold: 1000,
      period: 300,
      evaluationPeriods: 1,
      alarmTopicArns: warning,
      ...queueMax("deepest queue"),
      tags,
    });

  if (inputs.alarms === "phase1") {
    const host = liveHost(ctx.dependencyOn("host", buildAtlasDockerHost));
    // The host alarms differ only in their metric and threshold: one instance, above the threshold, 5-min periods, warning topic.
    const hostAlarm = (
      id: string,
      suffix: string,
      metric: { description: string; namespace: string; metricName: string; statistic: "Average" | "Maximum"; threshold: number; evaluationPeriods: number },
    ) =>
      new MetricAlarm(stack, id, {
        name: `${inputs.name}-${suffix}`,
        ...metric,
        dimensions: { InstanceId: host.instanceId },
        comparison: "GreaterThanThreshold",
        period: 300,
        alarmTopicArns: warning,
        tags,
      });
    alarms.push(
      hostAlarm("ec2-cpu", "ec2-cpu-high", {
        description: "EC2 CPU above 70% for 10 min (sustained for a week: the Phase 2 migration trigger)",
        namespace: "AWS/EC2",
        metricName: "CPUUtilization",
        statistic: "Average",
        threshold: 70,
        evaluationPeriods: 2,
      }),
      hostAlarm("ec2-memory", "ec2-memory-high", {
        description: "EC2 memory above 80% for 10 min (CloudWatch agent mem_used_percent)",
        namespace: inputs.metricsNamespace,
        metricName: "mem_used_percent",
        statistic: "Average",
        threshold: 80,
        evaluationPeriods: 2,
      }),
      hostAlarm("ec2-disk", "ec2-disk-low", {
        description: "EC2 root disk above 85% used (CloudWatch agent disk_used_percent)",
        namespace: inputs.metricsNamespace,
        metricName: "disk_used_percent",
        statistic: "Maximum",
        threshold: 85,
        evaluationPeriods: 1,
      }),
      rdsCpu(),
      queueDepth(),
    );
    return { alarmNames: alarms.map((a) => a.alarmName) };
  }

  // Phase 2+: ECS behind the ALB.
  const alb = ctx.dependencyOn("alb", buildAtlasAlb);
  const compute = ctx.dependencyOn("ecs", buildAtlasEcs);
  const lb = { LoadBalancer: alb.arnSuffix };
  const sms = inputs.alarms === "full-sms";
  const criticalTopics = sms ? critical : warning;
  alarms.push(
    new MetricAlarm(stack, "alb-5xx-rate", {
      name: `${inputs.name}-high-error-rate`,
      description: `High Error Rate: 5XX above 5% of requests for 5 min (critical${sms ? ": SMS + email" : ""})`,
      comparison: "GreaterThanThreshold",
      threshold: 5,
      period: 60,
      evaluationPeriods: 5,
      alarmTopicArns: criticalTopics,
      metricQueries: [
        { id: "target5xx", namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: lb, stat: "Sum" },
        { id: "elb5xx", namespace: "AWS/ApplicationELB", metricName: "HTTPCode_ELB_5XX_Count", dimensions: lb, stat: "Sum" },
        { id: "requests", namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: lb, stat: "Sum" },
        { id: "rate", expression: "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", label: "5XX %" },
      ],
      returnId: "rate",
      tags,
    }),
    new MetricAlarm(stack, "alb-latency", {
      name: `${inputs.name}-high-latency`,
      description: "High Latency: P95 target response time above 1 s for 5 min",
      namespace: "AWS/ApplicationELB",
      metricName: "TargetResponseTime",
      dimensions: lb,
      extendedStatistic: "p95",
      comparison: "GreaterThanThreshold",
      threshold: 1,
      period: 60,
      evaluationPeriods: 5,
      alarmTopicArns: warning,
      tags,
    }),
  );
  for (const [service, tg] of Object.entries(alb.targets)) {
    alarms.push(
      new MetricAlarm(stack, `healthy-hosts-${service}`, {
        name: `${inputs.name}-${service}-low-healthy-hosts`,
        description: `Low Healthy Hosts: ${service} has fewer than ${inputs.minHealthyHosts} healthy targets for 2 min`,
        namespace: "AWS/ApplicationELB",
        metricName: "HealthyHostCount",
        dimensions: { ...lb, TargetGroup: tg.blue.arnSuffix },
        statistic: "Minimum",
        comparison: "LessThanThreshold",
        threshold: inputs.minHealthyHosts,
        period: 60,
        evaluationPeriods: 2,
        treatMissingData: "breaching",
        alarmTopicArns: criticalTopics,
        tags,
      }),
    );
  }
  const connectionLimit = Math.floor(inputs.rdsMaxConnections * 0.8);
  alarms.push(
    rdsCpu(),
    new MetricAlarm(stack, "rds-connections", {
      name: `${inputs.name}-rds-connections-high`,
      description: `Database Connections above 80% of max_connections (${connectionLimit} of ${inputs.rdsMaxConnections}) for 5 min`,
      namespace: "AWS/RDS",
      metricName: "DatabaseConnections",
      dimensions: { DBInstanceIdentifier: dbId },
      statistic: "Maximum",
      comparison: "GreaterThanThreshold",
      threshold: connectionLimit,
      period: 300,
      evaluationPeriods: 1,
      alarmTopicArns: warning,
      tags,
    }),
    queueDepth(),
  );
  let search: AtlasSearch | undefined;
  if (inputs.search) {
    search = ctx.dependencyOn("search", buildAtlasSearch);
    alarms.push(
      new MetricAlarm(stack, "search-red", {
        name: `${inputs.name}-search-cluster-red`,
        description: "Search Cluster Red: at least one primary shard is unassigned (critical: SMS + email)",
        namespace: "AWS/ES",
        metricName: "ClusterStatus.red",
        dimensions: { DomainName: search.domainName, ClientId: ctx.env.accountId },
        statistic: "Maximum",
        comparison: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        period: 60,
        evaluationPeriods: 1,
        alarmTopicArns: criticalTopics,
        tags,
      }),
    );
  }

  // ADR 0106: the standby's readiness, published hourly by the DR region's probe. Two missed hours (no data) alarm too.
  if (inputs.drReadiness) {
    const r = inputs.drReadiness;
    const readiness = (id: string, metricName: string, threshold: number, description: string) =>
      new MetricAlarm(stack, id, {
        name: `${inputs.name}-${id}`,
        description,
        namespace: DR_READINESS.namespace,
        metricName,
        dimensions: { Env: r.env },
        statistic: "Maximum",
        comparison: "GreaterThanThreshold",
        threshold,
        period: 3600,
        evaluationPeriods: 2,
        treatMissingData: "breaching",
        alarmTopicArns: warning,
        tags,
      });
    alarms.push(
      readiness(
        "dr-restore-point-age",
        DR_READINESS.restorePointAge,
        r.rpoSeconds,
        `The database backups replicated to ${r.region} are older than the ${r.rpoSeconds / 3600} h RPO (or the probe stopped reporting)`,
      ),
      readiness(
        "dr-images-missing",
        DR_READINESS.imagesMissing,
        0,
        `Images of the DR services' tag are missing in ${r.region}: a failover could not start them`,
      ),
      readiness("dr-secret-replicas-missing", DR_READINESS.secretsMissing, 0, `Secret replicas the DR services read are missing in ${r.region}`),
    );
  }

  const alarmWidget: DashboardWidget = { type: "alarm", title: "Alarms", alarmArns: alarms.map((a) => a.alarmArn) };
  const serviceNames = Object.values(compute.services).map((s) => s!.serviceName);
  const boards: Record<string, DashboardWidget[]> = {
    overview: [
      { type: "text", markdown: `# AccountabilityAtlas ${ctx.env.name}\nPhase overview: ALB, ECS services, alarms.` },
      alarmWidget,
      { type: "metric", title: "ALB requests", metrics: [["AWS/ApplicationELB", "RequestCount", lb]], stat: "Sum" },
      {
        type: "metric",
        title: "ALB 5XX",
        metrics: [
          ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", lb],
          ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", lb],
        ],
        stat: "Sum",
      },
      { type: "metric", title: "ALB P95 latency (s)", metrics: [["AWS/ApplicationELB", "TargetResponseTime", lb]], stat: "p95" },
      {
        type: "metric",
        title: "ECS CPU by service",
        metrics: serviceNames.map((s) => ["AWS/ECS", "CPUUtilization", { ClusterName: compute.clusterName, ServiceName: s }] as const),
        stat: "Average",
      },
    ],
    database: [
      { type: "text", markdown: `# AccountabilityAtlas ${ctx.env.name}: database` },
      {
        type: "metric",
        title: "RDS CPU and connections",
        metrics: [
          ["AWS/RDS", "CPUUtilization", { DBInstanceIdentifier: dbId }],
          ["AWS/RDS", "DatabaseConnections", { DBInstanceIdentifier: dbId }],
        ],
        stat: "Average",
      },
      { type: "metric", title: "RDS free storage (bytes)", metrics: [["AWS/RDS", "FreeStorageSpace", { DBInstanceIdentifier: dbId }]], stat: "Minimum" },
      {
        type: "metric",
        title: "RDS latency (s)",
        metrics: [
          ["AWS/RDS", "ReadLatency", { DBInstanceIdentifier: dbId }],
          ["AWS/RDS", "WriteLatency", { DBInstanceIdentifier: dbId }],
        ],
        stat: "Average",
      },
    ],
    search: search
      ? [
          { type: "text", markdown: `# AccountabilityAtlas ${ctx.env.name}: search` },
          {
            type: "metric",
            title: "OpenSearch cluster status",
            metrics: [
              ["AWS/ES", "ClusterStatus.green", { DomainName: search.domainName, ClientId: ctx.env.accountId }],
              ["AWS/ES", "ClusterStatus.yellow", { DomainName: search.domainName, ClientId: ctx.env.accountId }],
              ["AWS/ES", "ClusterStatus.red", { DomainName: search.domainName, ClientId: ctx.env.accountId }],
            ],
            stat: "Maximum",
          },
          {
            type: "metric",
            title: "OpenSearch CPU and JVM pressure",
            metrics: [
              ["AWS/ES", "CPUUtilization", { DomainName: search.domainName, ClientId: ctx.env.accountId }],
              ["AWS/ES", "JVMMemoryPressure", { DomainName: search.domainName, ClientId: ctx.env.accountId }],
            ],
            stat: "Maximum",
          },
          {
            type: "metric",
            title: "Search latency (ms)",
            metrics: [["AWS/ES", "SearchLatency", { DomainName: search.domainName, ClientId: ctx.env.accountId }]],
            stat: "p95",
          },
        ]
      : [],
  };
  for (const board of inputs.dashboards) {
    if (board === "search" && !search) throw new Error(`atlas-ops/monitoring: the search dashboard needs OpenSearch (phase 3+)`);
    new Dashboard(stack, `dashboard-${board}`, { name: `${inputs.name}-${board}`, region, widgets: boards[board]! });
  }
  return { alarmNames: alarms.map((a) => a.alarmName) };
};
