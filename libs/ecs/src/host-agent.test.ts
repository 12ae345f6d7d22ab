import { describe, expect, it } from "vitest";
import { only, synthJson } from "@infra/testing-core/json";
import { EcsEc2Cluster } from "./ecs-ec2-cluster";
import { HOST_LOG_FILES, hostAgentConfig, hostDiskMetric, hostMemoryMetric } from "./host-agent";

const props = {
  name: "dev-platform",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a"],
  instanceType: "t3.micro",
  minSize: 1,
  maxSize: 2,
  containerInsights: false,
  logRetentionDays: 7,
  logKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/logs",
};

describe("the CloudWatch agent on the container instances", () => {
  it("publishes root-volume and memory use per instance and rolled up per ASG (+ path for the disk), and ships the host logs to one group", () => {
    const config = hostAgentConfig("/aws/ec2/system") as {
      metrics: Record<string, unknown>;
      logs: { logs_collected: { files: { collect_list: Record<string, string>[] } } };
    };
    expect(config.metrics).toEqual({
      namespace: "CWAgent",
      append_dimensions: { AutoScalingGroupName: "${aws:AutoScalingGroupName}", InstanceId: "${aws:InstanceId}" },
      aggregation_dimensions: [["AutoScalingGroupName", "path"], ["AutoScalingGroupName"]],
      metrics_collected: { disk: { measurement: ["used_percent"], resources: ["/"], drop_device: true }, mem: { measurement: ["used_percent"] } },
    });
    expect(config.logs.logs_collected.files.collect_list.map((f) => [f["file_path"], f["log_group_name"]])).toEqual(
      HOST_LOG_FILES.map((f) => [f, "/aws/ec2/system"]),
    );
    // The alarm's metric is exactly the roll-up the agent publishes.
    expect(hostDiskMetric("asg-1")).toEqual({
      namespace: "CWAgent",
      metricName: "disk_used_percent",
      dimensions: { AutoScalingGroupName: "asg-1", path: "/" },
    });
    // mem has no path: its roll-up is the ASG-only aggregation (seed 004 "Memory (EC2)").
    expect(hostMemoryMetric("asg-1")).toEqual({ namespace: "CWAgent", metricName: "mem_used_percent", dimensions: { AutoScalingGroupName: "asg-1" } });
  });

  const json = synthJson((s) => new EcsEc2Cluster(s, "ecs", { ...props, hostAgent: { systemLogGroupName: "/aws/ec2/system" } }));

  it("user data: joins the cluster first, then installs, configures and starts the agent", () => {
    const script = Buffer.from(only(json, "aws_launch_template").user_data, "base64").toString("utf8");
    const lines = script.split("\n");
    expect(lines.indexOf("EOF")).toBeLessThan(lines.indexOf("dnf install -y amazon-cloudwatch-agent"));
    const configLine = lines[lines.indexOf("cat <<'CWAGENT' > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json") + 1]!;
    expect(JSON.parse(configLine)).toEqual(hostAgentConfig("/aws/ec2/system"));
    expect(lines).toContain(
      "/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json",
    );
  });

  it("creates the system log group with the cluster's retention and key", () => {
    const groups = Object.values(json.resource.aws_cloudwatch_log_group) as Record<string, unknown>[];
    expect(groups).toContainEqual(expect.objectContaining({ name: "/aws/ec2/system", retention_in_days: 7, kms_key_id: props.logKmsKeyArn }));
  });

  it("instance role: metrics only into CWAgent, DescribeTags, log events only into the system group", () => {
    const policy = Object.values(json.resource.aws_iam_role_policy as Record<string, { name: string; role: string }>).find(
      (p) => p.name === "CloudWatchAgent",
    )!;
    expect(policy.role).toMatch(/aws_iam_role\.ecs_instance-role_.*\.id/);
    const doc = Object.entries(json.data.aws_iam_policy_document as Record<string, { statement: Record<string, unknown>[] }>).find(([k]) =>
      k.startsWith("ecs_instance-cloudwatch-agent-doc"),
    )![1];
    const group = Object.keys(json.resource.aws_cloudwatch_log_group).find((k) => k.startsWith("ecs_system-logs"))!;
    expect(doc.statement).toEqual([
      {
        sid: "PutAgentMetrics",
        effect: "Allow",
        actions: ["cloudwatch:PutMetricData"],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: ["CWAgent"] }],
      },
      { sid: "ReadInstanceTags", effect: "Allow", actions: ["ec2:DescribeTags"], resources: ["*"] },
      {
        sid: "ShipSystemLogs",
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
        resources: [`\${aws_cloudwatch_log_group.${group}.arn}`, `\${aws_cloudwatch_log_group.${group}.arn}:log-stream:*`],
      },
    ]);
  });

  it("without hostAgent: no agent, no system log group, no disk metric", () => {
    let cluster!: EcsEc2Cluster;
    const plain = synthJson((s) => {
      cluster = new EcsEc2Cluster(s, "ecs", props);
    });
    expect(Buffer.from(only(plain, "aws_launch_template").user_data, "base64").toString()).not.toContain("cloudwatch");
    expect(Object.keys(plain.resource.aws_cloudwatch_log_group)).toHaveLength(1);
    expect(cluster.hostDiskMetric).toBeUndefined();
  });

  it("refuses a log group name that is not one", () => {
    expect(() => synthJson((s) => new EcsEc2Cluster(s, "ecs", { ...props, hostAgent: { systemLogGroupName: "bad name; rm -rf /" } }))).toThrow(
      'log group name "bad name; rm -rf /"',
    );
  });
});
