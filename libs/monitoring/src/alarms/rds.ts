import { DbEventSubscription } from "@cdktf/provider-aws/lib/db-event-subscription";
import type { Construct } from "constructs";
import { MetricAlarm } from "../metric-alarm";
import { type AlarmHelperProps, cpuUtilizationAlarm } from "./common";

export interface RdsCpuAlarmProps extends AlarmHelperProps {
  /** The DB instance identifier (DBInstanceIdentifier dimension). */
  readonly dbInstanceIdentifier: string;
  /** @default 80 (seed 004 "High CPU (>80%)", seed 001 "RDS High CPU >80% for 10 min") */
  readonly thresholdPercent?: number;
}

/** AWS/RDS CPUUtilization above a threshold. */
export function rdsCpuAlarm(scope: Construct, id: string, props: RdsCpuAlarmProps): MetricAlarm {
  return cpuUtilizationAlarm(scope, id, props, {
    subject: `RDS ${props.dbInstanceIdentifier}`,
    namespace: "AWS/RDS",
    dimensions: { DBInstanceIdentifier: props.dbInstanceIdentifier },
  });
}

/** Bytes that are `percent` of `allocatedGb` GiB (RDS storage sizes are GiB; FreeStorageSpace is bytes). */
export function freeStorageThresholdBytes(allocatedGb: number, percent: number): number {
  if (!(allocatedGb > 0)) throw new Error(`allocatedStorageGb ${allocatedGb} must be > 0`);
  if (!(percent > 0 && percent < 100)) throw new Error(`freePercent ${percent} must be between 0 and 100 (exclusive)`);
  return Math.floor((allocatedGb * 1024 ** 3 * percent) / 100);
}

export interface RdsFreeStorageAlarmProps extends AlarmHelperProps {
  readonly dbInstanceIdentifier: string;
  /**
   * The instance's allocated storage in GB. With storage autoscaling the allocation grows and this
   * threshold stays at the configured size: it then fires later than `freePercent` of the new size.
   */
  readonly allocatedStorageGb: number;
  /** Free space below this percent of the allocation fires the alarm. @default 10 (seed 004 "Low disk space (<10%)") */
  readonly freePercent?: number;
}

/** AWS/RDS FreeStorageSpace (minimum) below a percentage of the allocated storage. */
export function rdsFreeStorageAlarm(scope: Construct, id: string, props: RdsFreeStorageAlarmProps): MetricAlarm {
  const percent = props.freePercent ?? 10;
  const period = props.period ?? 300;
  const evaluationPeriods = props.evaluationPeriods ?? 1;
  return new MetricAlarm(scope, id, {
    name: props.name,
    description: props.description ?? `RDS ${props.dbInstanceIdentifier} free storage below ${percent}% of ${props.allocatedStorageGb} GB`,
    namespace: "AWS/RDS",
    metricName: "FreeStorageSpace",
    dimensions: { DBInstanceIdentifier: props.dbInstanceIdentifier },
    statistic: "Minimum",
    comparison: "LessThanThreshold",
    threshold: freeStorageThresholdBytes(props.allocatedStorageGb, percent),
    period,
    evaluationPeriods,
    datapointsToAlarm: props.datapointsToAlarm,
    alarmTopicArns: props.alarmTopicArns,
    tags: props.tags,
  });
}

export interface RdsEventSubscriptionProps {
  /** Subscription name. */
  readonly name: string;
  /** DB instance identifiers whose events are sent. */
  readonly dbInstanceIdentifiers: readonly string[];
  /** The SNS topic (an AlertTopic allows events.rds.amazonaws.com to publish). */
  readonly topicArn: string;
  /**
   * RDS event categories for db-instance sources.
   * @default ["failover"] (seed 004 "RDS failover" alarm: Multi-AZ failover started/completed)
   */
  readonly eventCategories?: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An RDS event subscription: instance events (failover by default) to SNS. RDS events are not CloudWatch metrics. */
export function rdsEventSubscription(scope: Construct, id: string, props: RdsEventSubscriptionProps): DbEventSubscription {
  if (props.dbInstanceIdentifiers.length === 0) throw new Error(`rdsEventSubscription ${props.name}: no dbInstanceIdentifiers`);
  return new DbEventSubscription(scope, id, {
    name: props.name,
    snsTopic: props.topicArn,
    sourceType: "db-instance",
    sourceIds: [...props.dbInstanceIdentifiers],
    eventCategories: [...(props.eventCategories ?? ["failover"])],
    enabled: true,
    tags: { ...props.tags },
  });
}
