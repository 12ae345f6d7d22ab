import type { Construct } from "constructs";
import type { MetricAlarm } from "../metric-alarm";
import { type AlarmHelperProps, cpuUtilizationAlarm } from "./common";

export interface Ec2CpuAlarmProps extends AlarmHelperProps {
  /** The instances: a whole auto scaling group (EC2 aggregates its CPU) or one instance. */
  readonly target: { readonly autoScalingGroupName: string } | { readonly instanceId: string };
  /** Percent CPU above which the alarm fires. @default 80 (seed 004 "High CPU (>80%)") */
  readonly thresholdPercent?: number;
}

/** AWS/EC2 CPUUtilization above a threshold, averaged over an ASG or for one instance. */
export function ec2CpuAlarm(scope: Construct, id: string, props: Ec2CpuAlarmProps): MetricAlarm {
  const dimensions: Record<string, string> =
    "autoScalingGroupName" in props.target ? { AutoScalingGroupName: props.target.autoScalingGroupName } : { InstanceId: props.target.instanceId };
  return cpuUtilizationAlarm(scope, id, props, { subject: "EC2", namespace: "AWS/EC2", dimensions });
}
