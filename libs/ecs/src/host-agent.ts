/**
 * The CloudWatch agent on the container instances: what the ECS-optimized AMI does not publish by
 * itself. EC2 reports CPU, never disk use (seed 004 "Disk (EC2)" and its low-disk alarm), and the
 * instance's own logs stay on the instance (seed 004 log group "/aws/ec2/system").
 */

/** Where the agent publishes disk use: the metric a low-disk alarm watches. */
export interface HostDiskMetric {
  readonly namespace: string;
  readonly metricName: string;
  /** The roll-up over every instance of the group (the agent's `aggregation_dimensions`). */
  readonly dimensions: Readonly<Record<string, string>>;
}

export const AGENT_NAMESPACE = "CWAgent";
/** The mount the ECS-optimized AL2023 AMI keeps images, containers and logs on (one root volume). */
export const ROOT_PATH = "/";

/** The disk metric of an auto scaling group's instances, as the agent config below publishes it. */
export function hostDiskMetric(autoScalingGroupName: string): HostDiskMetric {
  return { namespace: AGENT_NAMESPACE, metricName: "disk_used_percent", dimensions: { AutoScalingGroupName: autoScalingGroupName, path: ROOT_PATH } };
}

/** The memory metric of an auto scaling group's instances (seed 004 "Memory (EC2)"): the roll-up over the group. */
export function hostMemoryMetric(autoScalingGroupName: string): HostDiskMetric {
  return { namespace: AGENT_NAMESPACE, metricName: "mem_used_percent", dimensions: { AutoScalingGroupName: autoScalingGroupName } };
}

/** The host log files the agent ships: the ECS agent's and ECS init's logs and cloud-init's output (AL2023 has no /var/log/messages). */
export const HOST_LOG_FILES = ["/var/log/ecs/ecs-agent.log", "/var/log/ecs/ecs-init.log", "/var/log/cloud-init-output.log"] as const;

/**
 * The agent's JSON config. `${aws:...}` are the agent's own placeholders, resolved on the instance.
 * Per-instance metrics carry InstanceId (to find the full host); the aggregation over
 * AutoScalingGroupName + path (disk) and AutoScalingGroupName (memory, which has no path) is the one
 * series an alarm or a dashboard watches whatever instances come and go.
 */
export function hostAgentConfig(systemLogGroupName: string): Record<string, unknown> {
  return {
    agent: { metrics_collection_interval: 60 },
    metrics: {
      namespace: AGENT_NAMESPACE,
      append_dimensions: { AutoScalingGroupName: "${aws:AutoScalingGroupName}", InstanceId: "${aws:InstanceId}" },
      aggregation_dimensions: [["AutoScalingGroupName", "path"], ["AutoScalingGroupName"]],
      metrics_collected: {
        disk: { measurement: ["used_percent"], resources: [ROOT_PATH], drop_device: true },
        mem: { measurement: ["used_percent"] },
      },
    },
    logs: {
      logs_collected: {
        files: {
          collect_list: HOST_LOG_FILES.map((file) => ({
            file_path: file,
            log_group_name: systemLogGroupName,
            log_stream_name: `{instance_id}${file}`,
          })),
        },
      },
    },
  };
}

const CONFIG_PATH = "/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json";

/**
 * Shell lines that install the agent from the AL2023 repositories, write its config and start it.
 * Run after the ECS config is written, so an instance whose install fails still joins the cluster.
 */
export function hostAgentScript(systemLogGroupName: string): string[] {
  if (!/^[A-Za-z0-9_./#-]{1,512}$/.test(systemLogGroupName)) throw new Error(`log group name "${systemLogGroupName}" is not a CloudWatch Logs group name`);
  return [
    "dnf install -y amazon-cloudwatch-agent",
    `cat <<'CWAGENT' > ${CONFIG_PATH}`,
    JSON.stringify(hostAgentConfig(systemLogGroupName)),
    "CWAGENT",
    `/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:${CONFIG_PATH}`,
  ];
}
