import type { StackBuilder } from "@infra/core";
import { masterRotationFailureAlarm } from "@infra/workload-shared";
import {
  AlertTopic,
  Dashboard,
  MetricAlarm,
  ec2CpuAlarm,
  ecsTaskFailureAlarm,
  rdsCpuAlarm,
  rdsEventSubscription,
  rdsFreeStorageAlarm,
} from "@infra/monitoring";
import type { MonitoringInputs } from "../inputs/monitoring";
import { buildApp } from "./app";
import { buildEcs } from "./ecs";
import { buildKms } from "./kms";
import { buildRds } from "./rds";

/** The evaluation window of a configured alarm, as the monitoring library's helpers take it. */
function windowOf(alarm: MonitoringInputs["alarms"]["cpuHigh"]): { period: number; evaluationPeriods: number; datapointsToAlarm?: number } {
  return {
    period: alarm.periodSeconds,
    evaluationPeriods: alarm.evaluationPeriods,
    ...(alarm.datapointsToAlarm !== undefined ? { datapointsToAlarm: alarm.datapointsToAlarm } : {}),
  };
}

export interface MonitoringOutputs {
  readonly topic: AlertTopic;
}

/** Seed 004 observability: high CPU, low free storage (RDS) and disk (ECS hosts), RDS failover, ECS task failures → one encrypted topic; a dashboard. */
export const buildMonitoring: StackBuilder<MonitoringInputs, MonitoringOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const { database, allocatedStorageGb } = ctx.dependencyOn("rds", buildRds);
  const { cluster } = ctx.dependencyOn("ecs", buildEcs);
  const app = ctx.dependencyOn("app", buildApp);
  const region = ctx.deployment.region.name;

  const topic = new AlertTopic(stack, "alerts", { name: `${inputs.name}-alerts`, kmsKeyArn: keys.alerts.keyArn, emails: inputs.alarmEmails });
  const actions = [topic.topicArn];
  const ecsCpu = ec2CpuAlarm(stack, "ecs-cpu", {
    name: `${inputs.name}-ecs-cpu-high`,
    target: { autoScalingGroupName: cluster.autoScalingGroupName },
    thresholdPercent: inputs.alarms.cpuHigh.threshold,
    ...windowOf(inputs.alarms.cpuHigh),
    alarmTopicArns: actions,
  });
  const rdsCpu = rdsCpuAlarm(stack, "rds-cpu", {
    name: `${inputs.name}-rds-cpu-high`,
    dbInstanceIdentifier: database.instanceId,
    thresholdPercent: inputs.alarms.cpuHigh.threshold,
    ...windowOf(inputs.alarms.cpuHigh),
    alarmTopicArns: actions,
  });
  const storage = rdsFreeStorageAlarm(stack, "rds-storage", {
    name: `${inputs.name}-rds-free-storage-low`,
    dbInstanceIdentifier: database.instanceId,
    allocatedStorageGb,
    freePercent: inputs.alarms.freeStorageLow.threshold,
    ...windowOf(inputs.alarms.freeStorageLow),
    alarmTopicArns: actions,
  });
  const disk = cluster.hostDiskMetric;
  const memory = cluster.hostMemoryMetric;
  if (!disk || !memory)
    throw new Error(
      `${inputs.name}: the ECS cluster publishes no disk or memory metric (its hostAgent is off), so the low-disk alarm and the memory widget have nothing to watch`,
    );
  // Metric dimensions as AWS publishes them: the ALB's LoadBalancer is its ARN suffix ("app/<name>/<id>"),
  // the target group's TargetGroup its own ("targetgroup/<name>/<id>"), the service's ClusterName + ServiceName.
  const lb = { LoadBalancer: app.loadBalancerArnSuffix };
  const service = { ClusterName: app.clusterName, ServiceName: app.serviceName };
  const db = { DBInstanceIdentifier: database.instanceId };
  const diskAlarm = new MetricAlarm(stack, "ecs-disk", {
    name: `${inputs.name}-ecs-disk-used-high`,
    description: `An ECS host's root volume is more than ${inputs.alarms.diskUsedHigh.threshold}% used (seed 004 low disk space): images and container logs fill it; prune or resize.`,
    namespace: disk.namespace,
    metricName: disk.metricName,
    dimensions: disk.dimensions,
    // The aggregated series over the group: Maximum is the fullest instance.
    statistic: "Maximum",
    comparison: "GreaterThanThreshold",
    threshold: inputs.alarms.diskUsedHigh.threshold,
    ...windowOf(inputs.alarms.diskUsedHigh),
    // No data = the agent is not running: INSUFFICIENT_DATA shows it, where notBreaching would hide it.
    treatMissingData: "missing",
    alarmTopicArns: actions,
  });
  rdsEventSubscription(stack, "rds-failover", {
    name: `${inputs.name}-rds-failover`,
    dbInstanceIdentifiers: [database.instanceId],
    topicArn: topic.topicArn,
  });
  ecsTaskFailureAlarm(stack, "ecs-task-failures", { name: `${inputs.name}-ecs-task-failures`, clusterArn: cluster.clusterArn, topicArn: topic.topicArn });
  masterRotationFailureAlarm(stack, inputs.name, database, topic.topicArn);

  new Dashboard(stack, "dashboard", {
    name: inputs.name,
    region,
    widgets: [
      { type: "text", markdown: `# ${inputs.name}\nPlatform (seed 004) in ${region}: ECS on EC2, the application service behind the ALB, RDS, alarms.` },
      { type: "alarm", title: "Alarms", alarmArns: [ecsCpu.alarmArn, rdsCpu.alarmArn, storage.alarmArn, diskAlarm.alarmArn] },
      {
        type: "metric",
        title: "EC2: CPU of the ECS instances",
        metrics: [["AWS/EC2", "CPUUtilization", { AutoScalingGroupName: cluster.autoScalingGroupName }]],
        stat: "Average",
      },
      {
        type: "metric",
        title: "EC2: disk used % of the ECS instances (fullest)",
        metrics: [[disk.namespace, disk.metricName, { ...disk.dimensions }]],
        stat: "Maximum",
      },
      {
        type: "metric",
        title: "EC2: memory used % of the ECS instances",
        metrics: [
          [memory.namespace, memory.metricName, { ...memory.dimensions }, { label: "average", stat: "Average" }],
          [memory.namespace, memory.metricName, { ...memory.dimensions }, { label: "fullest", stat: "Maximum" }],
        ],
        yAxis: { min: 0, max: 100 },
      },
      {
        type: "metric",
        title: "ALB: requests and 5xx (sum)",
        metrics: [
          ["AWS/ApplicationELB", "RequestCount", lb, { label: "requests" }],
          ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", lb, { label: "5xx from the service" }],
          ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", lb, { label: "5xx from the ALB" }],
        ],
        stat: "Sum",
      },
      {
        type: "metric",
        title: "ALB: target response time (s)",
        metrics: [
          ["AWS/ApplicationELB", "TargetResponseTime", lb, { label: "p50", stat: "p50" }],
          ["AWS/ApplicationELB", "TargetResponseTime", lb, { label: "p99", stat: "p99" }],
        ],
      },
      {
        type: "metric",
        title: "ALB: healthy targets of the service",
        metrics: [["AWS/ApplicationELB", "HealthyHostCount", { ...lb, TargetGroup: app.targetGroupArnSuffix }]],
        stat: "Minimum",
      },
      {
        type: "metric",
        title: "ECS: service CPU and memory % (scaling target: CPU)",
        metrics: [
          ["AWS/ECS", "CPUUtilization", service, { label: "CPU" }],
          ["AWS/ECS", "MemoryUtilization", service, { label: "memory" }],
        ],
        yAxis: { min: 0, max: 100 },
      },
      {
        type: "metric",
        title: "ECS: tasks",
        metrics: [["ECS/ContainerInsights", "RunningTaskCount", { ClusterName: cluster.clusterName }]],
        stat: "Average",
      },
      {
        type: "metric",
        title: "RDS: CPU, connections",
        metrics: [
          ["AWS/RDS", "CPUUtilization", db],
          ["AWS/RDS", "DatabaseConnections", db],
        ],
        stat: "Average",
      },
      {
        // Seed 004 "RDS: connections, queries": the query load as the storage sees it (IOPS) and how long it waits.
        type: "metric",
        title: "RDS: queries (read/write IOPS) and latency (s)",
        metrics: [
          ["AWS/RDS", "ReadIOPS", db, { label: "read IOPS" }],
          ["AWS/RDS", "WriteIOPS", db, { label: "write IOPS" }],
          ["AWS/RDS", "ReadLatency", db, { label: "read latency" }],
          ["AWS/RDS", "WriteLatency", db, { label: "write latency" }],
        ],
        stat: "Average",
      },
      {
        type: "metric",
        title: "RDS: free storage (bytes)",
        metrics: [["AWS/RDS", "FreeStorageSpace", db]],
        stat: "Minimum",
      },
    ],
  });
  return { topic };
};
