import { describe, expect, it } from "vitest";
import { only, synthJson } from "@infra/testing-core/json";
import { ec2CpuAlarm } from "./ec2";
import { ecsTaskFailureAlarm, ecsTaskFailurePattern } from "./ecs";
import { freeStorageThresholdBytes, rdsCpuAlarm, rdsEventSubscription, rdsFreeStorageAlarm } from "./rds";

const TOPIC = "arn:aws:sns:us-east-1:111122223333:alerts";

describe("ec2CpuAlarm", () => {
  it("alarms on the ASG's average CPU > 80% for 10 min by default", () => {
    const alarm = only(
      synthJson((s) => ec2CpuAlarm(s, "cpu", { name: "ecs-cpu", alarmTopicArns: [TOPIC], target: { autoScalingGroupName: "asg-1" } })),
      "aws_cloudwatch_metric_alarm",
    );
    expect(alarm).toMatchObject({
      namespace: "AWS/EC2",
      metric_name: "CPUUtilization",
      dimensions: { AutoScalingGroupName: "asg-1" },
      statistic: "Average",
      comparison_operator: "GreaterThanThreshold",
      threshold: 80,
      period: 300,
      evaluation_periods: 2,
      alarm_description: "EC2 CPU above 80% for 10 min",
    });
  });
  it("takes one instance and seed 001's 70% threshold", () => {
    const alarm = only(
      synthJson((s) => ec2CpuAlarm(s, "cpu", { name: "host-cpu", alarmTopicArns: [TOPIC], target: { instanceId: "i-1" }, thresholdPercent: 70 })),
      "aws_cloudwatch_metric_alarm",
    );
    expect(alarm.dimensions).toEqual({ InstanceId: "i-1" });
    expect(alarm.threshold).toBe(70);
  });
});

describe("RDS alarms", () => {
  it("rdsCpuAlarm watches the instance's CPU", () => {
    const alarm = only(
      synthJson((s) => rdsCpuAlarm(s, "c", { name: "db-cpu", alarmTopicArns: [TOPIC], dbInstanceIdentifier: "prod-db" })),
      "aws_cloudwatch_metric_alarm",
    );
    expect(alarm).toMatchObject({
      namespace: "AWS/RDS",
      metric_name: "CPUUtilization",
      dimensions: { DBInstanceIdentifier: "prod-db" },
      threshold: 80,
      evaluation_periods: 2,
    });
  });

  it("freeStorageThresholdBytes is percent of GiB in bytes", () => {
    expect(freeStorageThresholdBytes(100, 10)).toBe(10 * 1024 ** 3);
    expect(freeStorageThresholdBytes(20, 10)).toBe(2147483648);
    expect(() => freeStorageThresholdBytes(0, 10)).toThrow("allocatedStorageGb 0 must be > 0");
    expect(() => freeStorageThresholdBytes(20, 100)).toThrow("freePercent 100");
  });

  it("rdsFreeStorageAlarm fires below 10% of the allocation (Minimum)", () => {
    const alarm = only(
      synthJson((s) => rdsFreeStorageAlarm(s, "f", { name: "db-storage", alarmTopicArns: [TOPIC], dbInstanceIdentifier: "prod-db", allocatedStorageGb: 100 })),
      "aws_cloudwatch_metric_alarm",
    );
    expect(alarm).toMatchObject({
      metric_name: "FreeStorageSpace",
      statistic: "Minimum",
      comparison_operator: "LessThanThreshold",
      threshold: 10737418240,
      evaluation_periods: 1,
    });
  });

  it("rdsEventSubscription sends failover events of the instances to SNS", () => {
    const sub = only(
      synthJson((s) => rdsEventSubscription(s, "e", { name: "prod-db-failover", dbInstanceIdentifiers: ["prod-db"], topicArn: TOPIC })),
      "aws_db_event_subscription",
    );
    expect(sub).toEqual({
      name: "prod-db-failover",
      sns_topic: TOPIC,
      source_type: "db-instance",
      source_ids: ["prod-db"],
      event_categories: ["failover"],
      enabled: true,
      tags: {},
    });
    expect(() => synthJson((s) => rdsEventSubscription(s, "e", { name: "x", dbInstanceIdentifiers: [], topicArn: TOPIC }))).toThrow("no dbInstanceIdentifiers");
  });
});

describe("ecsTaskFailureAlarm", () => {
  it("matches failed starts and non-zero essential exits of the cluster only", () => {
    expect(ecsTaskFailurePattern("arn:c")).toEqual({
      source: ["aws.ecs"],
      "detail-type": ["ECS Task State Change"],
      detail: {
        clusterArn: ["arn:c"],
        lastStatus: ["STOPPED"],
        $or: [{ stopCode: ["TaskFailedToStart"] }, { stopCode: ["EssentialContainerExited"], containers: { exitCode: [{ "anything-but": 0 }] } }],
      },
    });
  });

  it("creates an EventBridge rule with an SNS target and a readable message", () => {
    const json = synthJson((s) =>
      ecsTaskFailureAlarm(s, "f", { name: "prod-ecs-task-failures", clusterArn: "arn:aws:ecs:us-east-1:111122223333:cluster/prod", topicArn: TOPIC }),
    );
    const rule = only(json, "aws_cloudwatch_event_rule");
    expect(rule.name).toBe("prod-ecs-task-failures");
    expect(rule.state).toBe("ENABLED");
    expect(JSON.parse(rule.event_pattern)).toEqual(ecsTaskFailurePattern("arn:aws:ecs:us-east-1:111122223333:cluster/prod"));
    const target = only(json, "aws_cloudwatch_event_target");
    const ruleKey = Object.keys(json.resource.aws_cloudwatch_event_rule)[0];
    expect(target.rule).toBe(`\${aws_cloudwatch_event_rule.${ruleKey}.name}`);
    expect(target.arn).toBe(TOPIC);
    expect(target.input_transformer.input_paths.reason).toBe("$.detail.stoppedReason");
    expect(target.input_transformer.input_template).toMatch(/^".*<reason>"$/);
  });
});
