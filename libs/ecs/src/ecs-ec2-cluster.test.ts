import { describe, expect, it } from "vitest";
import { EcsEc2Cluster, type EcsEc2ClusterProps } from "./ecs-ec2-cluster";
import { only, synthJson } from "@infra/testing-core/json";

const dev: EcsEc2ClusterProps = {
  name: "dev-platform",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
  instanceType: "t3.micro",
  minSize: 1,
  maxSize: 2,
  containerInsights: false,
  logRetentionDays: 7,
};
const prod: EcsEc2ClusterProps = {
  ...dev,
  name: "prod-platform",
  instanceType: "m6g.large",
  minSize: 3,
  maxSize: 10,
  containerInsights: true,
  logRetentionDays: 30,
  placement: "spread",
  ebsKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/ebs",
  logKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/logs",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const keyOf = (json: any, type: string, prefix: string): string => Object.keys(json.resource[type]).find((k) => k.startsWith(prefix))!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dataKeyOf = (json: any, type: string, prefix: string): string => Object.keys(json.data[type]).find((k) => k.startsWith(prefix))!;

describe("EcsEc2Cluster (seed 004 dev)", () => {
  const json = synthJson((s) => new EcsEc2Cluster(s, "ecs", dev));

  it("creates the cluster with Container Insights disabled and its log group", () => {
    expect(only(json, "aws_ecs_cluster")).toEqual({
      name: "dev-platform",
      setting: [{ name: "containerInsights", value: "disabled" }],
      tags: { Name: "dev-platform" },
    });
    expect(only(json, "aws_cloudwatch_log_group")).toMatchObject({ name: "/aws/ecs/dev-platform", retention_in_days: 7 });
  });

  it("reads the x86_64 ECS-optimized AL2023 AMI from SSM", () => {
    const key = dataKeyOf(json, "aws_ssm_parameter", "ecs_ami");
    expect(json.data.aws_ssm_parameter[key]).toEqual({ name: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id" });
    expect(only(json, "aws_launch_template").image_id).toBe(`\${data.aws_ssm_parameter.${key}.insecure_value}`);
  });

  it("launch template: IMDSv2 hop 1, encrypted gp3 root, no public IP, instance profile, ECS user data", () => {
    const lt = only(json, "aws_launch_template");
    expect(lt).toMatchObject({
      name: "dev-platform-ecs",
      instance_type: "t3.micro",
      metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1, instance_metadata_tags: "disabled" },
      block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 30, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" } }],
      network_interfaces: [
        {
          device_index: 0,
          associate_public_ip_address: "false",
          delete_on_termination: "true",
          security_groups: [`\${aws_security_group.${keyOf(json, "aws_security_group", "ecs_instance-sg")}.id}`],
        },
      ],
      iam_instance_profile: { arn: `\${aws_iam_instance_profile.${keyOf(json, "aws_iam_instance_profile", "ecs_instance-profile")}.arn}` },
      monitoring: { enabled: true },
      update_default_version: true,
    });
    expect(Buffer.from(lt.user_data, "base64").toString()).toContain("ECS_CLUSTER=dev-platform\n");
  });

  it("ASG over every subnet, scale-in protected, tagged AmazonECSManaged, desired capacity left to ECS", () => {
    const asg = only(json, "aws_autoscaling_group");
    const lt = keyOf(json, "aws_launch_template", "ecs_launch-template");
    expect(asg).toMatchObject({
      name: "dev-platform-ecs",
      min_size: 1,
      max_size: 2,
      desired_capacity: 1,
      vpc_zone_identifier: ["subnet-a", "subnet-b", "subnet-c"],
      launch_template: { id: `\${aws_launch_template.${lt}.id}`, version: `\${aws_launch_template.${lt}.latest_version}` },
      protect_from_scale_in: true,
      lifecycle: { ignore_changes: ["desired_capacity"] },
      instance_refresh: {
        strategy: "Rolling",
        preferences: { min_healthy_percentage: 100, max_healthy_percentage: 200, scale_in_protected_instances: "Refresh" },
      },
    });
    expect(asg.tag).toContainEqual({ key: "AmazonECSManaged", value: "", propagate_at_launch: true });
  });

  it("capacity provider with managed scaling at 70%, +-1 instance, 300 s warm-up, as the cluster default", () => {
    const cp = only(json, "aws_ecs_capacity_provider");
    expect(cp).toMatchObject({
      name: "dev-platform-ec2",
      auto_scaling_group_provider: {
        auto_scaling_group_arn: `\${aws_autoscaling_group.${keyOf(json, "aws_autoscaling_group", "ecs_asg")}.arn}`,
        managed_termination_protection: "ENABLED",
        managed_draining: "ENABLED",
        managed_scaling: { status: "ENABLED", target_capacity: 70, minimum_scaling_step_size: 1, maximum_scaling_step_size: 1, instance_warmup_period: 300 },
      },
    });
    const cpName = `\${aws_ecs_capacity_provider.${keyOf(json, "aws_ecs_capacity_provider", "ecs_capacity-provider")}.name}`;
    expect(only(json, "aws_ecs_cluster_capacity_providers")).toEqual({
      cluster_name: `\${aws_ecs_cluster.${keyOf(json, "aws_ecs_cluster", "ecs_cluster")}.name}`,
      capacity_providers: [cpName],
      default_capacity_provider_strategy: [{ capacity_provider: cpName, weight: 1, base: 0 }],
    });
  });

  it("instance role: ECS and SSM managed policies; instance SG: egress only", () => {
    const attachments = Object.values(json.resource.aws_iam_role_policy_attachment) as { role: string; policy_arn: string }[];
    const instanceRole = `\${aws_iam_role.${keyOf(json, "aws_iam_role", "ecs_instance-role")}.name}`;
    expect(attachments.filter((a) => a.role === instanceRole).map((a) => a.policy_arn)).toEqual([
      "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
      "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    ]);
    expect(json.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
    expect(only(json, "aws_vpc_security_group_egress_rule")).toMatchObject({ ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" });
  });

  it("task execution role has the ECS managed policy; the task role has no permissions by default", () => {
    const execRole = `\${aws_iam_role.${keyOf(json, "aws_iam_role", "ecs_task-execution-role")}.name}`;
    const attachments = Object.values(json.resource.aws_iam_role_policy_attachment) as { role: string; policy_arn: string }[];
    expect(attachments.filter((a) => a.role === execRole).map((a) => a.policy_arn)).toEqual([
      "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    ]);
    expect(json.resource.aws_iam_role_policy).toBeUndefined();
    const trust = json.data.aws_iam_policy_document[dataKeyOf(json, "aws_iam_policy_document", "ecs_task-trust")];
    expect(trust.statement[0]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }],
      condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [expect.stringMatching(/^\$\{data\.aws_caller_identity\./)] }],
    });
  });

  it("'any' placement bin-packs", () => {
    let cluster!: EcsEc2Cluster;
    synthJson((s) => (cluster = new EcsEc2Cluster(s, "ecs", dev)));
    expect(cluster.defaultPlacementStrategy).toEqual([{ type: "binpack", field: "memory" }]);
  });
});

describe("EcsEc2Cluster (seed 004 prod)", () => {
  let cluster!: EcsEc2Cluster;
  const json = synthJson((s) => {
    cluster = new EcsEc2Cluster(s, "ecs", {
      ...prod,
      taskRoleStatements: [{ sid: "ReadAssets", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::prod-assets/*"] }],
    });
    cluster.grantTaskRole({
      sid: "Orders",
      actions: ["dynamodb:GetItem", "dynamodb:PutItem"],
      resources: ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"],
    });
    cluster.grantExecutionRole({
      sid: "DbSecret",
      actions: ["secretsmanager:GetSecretValue"],
      resources: ["arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"],
    });
    cluster.allowFrom("sg-alb", [32768, 65535], "Dynamic host ports from the ALB");
  });

  it("launched instances and volumes carry launchedResourceTags (provider default_tags never reach them)", () => {
    const tagged = synthJson((s) => new EcsEc2Cluster(s, "ecs", { ...prod, launchedResourceTags: { BackupRequired: "true", Name: "ignored" } }));
    const lt = only(tagged, "aws_launch_template");
    expect(lt.tag_specifications).toEqual([
      { resource_type: "instance", tags: { BackupRequired: "true", Name: "prod-platform-ecs-instance" } },
      { resource_type: "volume", tags: { BackupRequired: "true", Name: "prod-platform-ecs-instance" } },
    ]);
    expect(only(tagged, "aws_autoscaling_group").tag).toContainEqual({ key: "BackupRequired", value: "true", propagate_at_launch: true });
  });

  it("Graviton AMI, Container Insights, CMK on volumes and logs", () => {
    expect(Object.values(json.data.aws_ssm_parameter)).toEqual([{ name: "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id" }]);
    expect(only(json, "aws_ecs_cluster").setting).toEqual([{ name: "containerInsights", value: "enabled" }]);
    expect(only(json, "aws_launch_template").block_device_mappings[0].ebs.kms_key_id).toBe("arn:aws:kms:us-east-1:111122223333:key/ebs");
    expect(only(json, "aws_cloudwatch_log_group").kms_key_id).toBe("arn:aws:kms:us-east-1:111122223333:key/logs");
    expect(only(json, "aws_autoscaling_group")).toMatchObject({ min_size: 3, max_size: 10, desired_capacity: 3 });
  });

  it("spread placement across AZs, then instances", () => {
    expect(cluster.defaultPlacementStrategy).toEqual([
      { type: "spread", field: "attribute:ecs.availability-zone" },
      { type: "spread", field: "instanceId" },
    ]);
  });

  it("grants become one inline policy each, on the right role", () => {
    const policies = json.resource.aws_iam_role_policy as Record<string, { name: string; role: string; policy: string }>;
    const task = `\${aws_iam_role.${keyOf(json, "aws_iam_role", "ecs_task-role")}.id}`;
    const exec = `\${aws_iam_role.${keyOf(json, "aws_iam_role", "ecs_task-execution-role")}.id}`;
    expect(
      Object.values(policies)
        .map((p) => [p.name, p.role])
        .sort(),
    ).toEqual([
      ["DbSecret", exec],
      ["Orders", task],
      ["ReadAssets", task],
    ]);
    const doc = json.data.aws_iam_policy_document[dataKeyOf(json, "aws_iam_policy_document", "ecs_task-Orders-doc")];
    expect(doc.statement).toEqual([
      {
        sid: "Orders",
        effect: "Allow",
        actions: ["dynamodb:GetItem", "dynamodb:PutItem"],
        resources: ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"],
      },
    ]);
  });

  it("allowFrom opens a described port range to a security group", () => {
    expect(only(json, "aws_vpc_security_group_ingress_rule")).toEqual({
      security_group_id: `\${aws_security_group.${keyOf(json, "aws_security_group", "ecs_instance-sg")}.id}`,
      referenced_security_group_id: "sg-alb",
      ip_protocol: "tcp",
      from_port: 32768,
      to_port: 65535,
      description: "Dynamic host ports from the ALB",
    });
  });
});

describe("validation", () => {
  const build = (props: Partial<EcsEc2ClusterProps>) => () => synthJson((s) => new EcsEc2Cluster(s, "ecs", { ...dev, ...props }));
  it.each([
    [{ maxSize: 0 }, "maxSize 0 must be a whole number >= 1 and >= minSize (1)"],
    [{ desiredCapacity: 5 }, "desiredCapacity 5 must be between minSize (1) and maxSize (2)"],
    [{ targetCapacityPercent: 0 }, "targetCapacityPercent 0 must be 1..100"],
    [{ ebsVolumeSize: 20 }, "ebsVolumeSize 20 GiB must be 30..16384"],
    [{ placement: "spread", subnetIds: ["subnet-a"] }, 'placement "spread" needs subnets in at least 2 AZs (got 1)'],
    [{ subnetIds: [] }, "subnetIds is empty"],
    [{ instanceType: "db.t3.micro" }, 'instance type "db.t3.micro" must look like'],
    [{ name: "ecs-prod" }, 'name "ecs-prod" may not start with aws, ecs or fargate'],
    [{ logRetentionDays: 10 }, "log retention 10 days is not a CloudWatch Logs retention value"],
    [{ taskRoleStatements: [{ sid: "All", actions: ["s3:*"], resources: ["*"] }] }, "EcsEc2Cluster task role: All: s3:*, * needs a wildcardReason"],
  ])("rejects %o", (props, message) => {
    expect(build(props as Partial<EcsEc2ClusterProps>)).toThrow(message);
  });
  it("refuses a duplicate sid and a bad port", () => {
    expect(() =>
      synthJson((s) => {
        const c = new EcsEc2Cluster(s, "ecs", dev);
        c.grantTaskRole({ sid: "A", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] });
        c.grantTaskRole({ sid: "A", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::b/*"] });
      }),
    ).toThrow('sid "A" is already granted to the task role');
    expect(() => synthJson((s) => new EcsEc2Cluster(s, "ecs", dev).allowFrom("sg", [80, 70], "x"))).toThrow("port [80,70] is not a port or an ascending range");
  });
});

describe("EcsEc2Cluster and its EBS key", () => {
  it("lets Auto Scaling's service-linked role use the volume key (launches happen as that role) and asks the account for the role", async () => {
    const { EncryptionKey } = await import("@infra/kms");
    const { accountRequirements } = await import("@infra/core");
    synthJson((s) => {
      const key = new EncryptionKey(s, "ebs", { name: "ebs", accountId: "111122223333", region: "us-east-1" });
      new EcsEc2Cluster(s, "cluster", { ...prod, ebsKmsKeyArn: key.keyArn });
      expect(key.uses()).toEqual([{ use: "slr:autoscaling.amazonaws.com", by: ["test/cluster/asg"] }]);
      expect(accountRequirements(s).map((r) => r.serviceLinkedRole)).toEqual(["autoscaling.amazonaws.com"]);
    });
  });
});
