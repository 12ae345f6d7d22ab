import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { describe, expect, it } from "vitest";
import { entries, onlyEntry, scopeSynthWith } from "@infra/testing-core/blocks";
import { FargateService, type FargateServiceProps } from "./service";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped
type Block = Record<string, Record<string, Record<string, any>>>;
type Tf = { resource: Block; data: Block };

const CLUSTER = { clusterArn: "arn:aws:ecs:us-east-1:1:cluster/prod-atlas", clusterName: "prod-atlas" };
const REPO = "arn:aws:ecr:us-east-1:1:repository/acct-atlas-api-gateway";
const BASE: FargateServiceProps = {
  name: "api-gateway",
  cluster: CLUSTER,
  vpcId: "vpc-1",
  subnetIds: ["subnet-p1", "subnet-p2"],
  cpu: 512,
  memory: 1024,
  container: {
    name: "api-gateway",
    image: "1.dkr.ecr.us-east-1.amazonaws.com/acct-atlas-api-gateway:1.0.0",
    port: 8080,
    healthCheck: { path: "/actuator/health" },
    environment: { SPRING_PROFILES_ACTIVE: "prod" },
    secrets: { DB_PASSWORD: { secretArn: "arn:aws:secretsmanager:us-east-1:1:secret:db", jsonKey: "password" } },
    writablePaths: ["/tmp"],
  },
  ecrRepositoryArns: [REPO],
  logRetentionDays: 30,
  logKmsKeyArn: "arn:aws:kms:us-east-1:1:key/logs",
};
const BLUE_GREEN = {
  mode: "blueGreen" as const,
  listenerArn: "arn:listener/https",
  testListenerArn: "arn:listener/test",
  blueTargetGroup: { arn: "arn:tg/api-blue", name: "prod-atlas-api-blue" },
  greenTargetGroup: { name: "prod-atlas-api-green" },
  rollbackAlarms: ["prod-atlas-api-5xx"],
};

const synth = scopeSynthWith(FargateService, "svc", BASE);
const doc = (tf: Tf, prefix: string) => entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith(prefix))!;

describe("FargateService", () => {
  it("defines an awsvpc Fargate task with distinct execution and task roles and a writable volume", () => {
    const { json, tf } = synth();
    expect(json).toHaveResourceWithProperties(EcsTaskDefinition, {
      family: "api-gateway",
      cpu: "512",
      memory: "1024",
      network_mode: "awsvpc",
      requires_compatibilities: ["FARGATE"],
      runtime_platform: { operating_system_family: "LINUX", cpu_architecture: "X86_64" },
      volume: [{ name: "writable-0" }],
    });
    const task = onlyEntry(tf.resource, "aws_ecs_task_definition").values;
    const roles = Object.fromEntries(entries(tf.resource, "aws_iam_role").map(([k, r]) => [r.name_prefix, k]));
    expect(task.execution_role_arn).toBe(`\${aws_iam_role.${roles["api-gateway-exec-"]}.arn}`);
    expect(task.task_role_arn).toBe(`\${aws_iam_role.${roles["api-gateway-task-"]}.arn}`);
    const [container] = JSON.parse(task.container_definitions);
    const logGroup = onlyEntry(tf.resource, "aws_cloudwatch_log_group");
    const region = onlyEntry(tf.data, "aws_region").name;
    expect(container).toMatchObject({ readonlyRootFilesystem: true, privileged: false, image: BASE.container.image });
    expect(container.logConfiguration.options).toEqual({
      "awslogs-group": `\${aws_cloudwatch_log_group.${logGroup.name}.name}`,
      "awslogs-region": `\${data.aws_region.${region}.region}`,
      "awslogs-stream-prefix": "api-gateway",
    });
    expect(logGroup.values).toMatchObject({ name: "/ecs/api-gateway", retention_in_days: 30, kms_key_id: "arn:aws:kms:us-east-1:1:key/logs" });
  });

  it("lets the execution role pull the image, write its log group and read exactly the given secrets", () => {
    const { tf } = synth({ secretsKmsKeyArn: "arn:aws:kms:us-east-1:1:key/secrets" });
    const logGroup = onlyEntry(tf.resource, "aws_cloudwatch_log_group").name;
    const region = onlyEntry(tf.data, "aws_region").name;
    const [docName, exec] = doc(tf, "svc_execution-policy-doc");
    expect(exec.statement).toEqual([
      { sid: "EcrAuthToken", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      { sid: "EcrPull", effect: "Allow", actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], resources: [REPO] },
      {
        sid: "WriteLogs",
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`\${aws_cloudwatch_log_group.${logGroup}.arn}:*`],
      },
      { sid: "ReadSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: ["arn:aws:secretsmanager:us-east-1:1:secret:db"] },
      {
        sid: "DecryptSecrets",
        effect: "Allow",
        actions: ["kms:Decrypt"],
        resources: ["arn:aws:kms:us-east-1:1:key/secrets"],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.\${data.aws_region.${region}.region}.amazonaws.com`] }],
      },
    ]);
    const policies = entries(tf.resource, "aws_iam_role_policy").map(([, p]) => p);
    expect(policies).toHaveLength(1);
    expect(policies[0]!.policy).toBe(`\${data.aws_iam_policy_document.${docName}.json}`);
  });

  it("gives the task role only the application's statements", () => {
    const { tf } = synth({ taskPolicyStatements: [{ effect: "Allow", actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:1:q"] }] });
    const [, task] = doc(tf, "svc_task-policy-doc");
    expect(task.statement).toEqual([{ effect: "Allow", actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:1:q"] }]);
    const roles = Object.fromEntries(entries(tf.resource, "aws_iam_role").map(([k, r]) => [r.name_prefix, k]));
    const taskPolicy = entries(tf.resource, "aws_iam_role_policy").find(([, p]) => p.name === "application")![1];
    expect(taskPolicy.role).toBe(`\${aws_iam_role.${roles["api-gateway-task-"]}.id}`);
  });

  it("runs in private subnets without public IP, rolling with circuit breaker and rollback by default", () => {
    const { tf } = synth({ desiredCount: 2 });
    const svc = onlyEntry(tf.resource, "aws_ecs_service").values;
    const sg = onlyEntry(tf.resource, "aws_security_group").name;
    const task = onlyEntry(tf.resource, "aws_ecs_task_definition").name;
    expect(svc).toMatchObject({
      name: "api-gateway",
      cluster: CLUSTER.clusterArn,
      task_definition: `\${aws_ecs_task_definition.${task}.arn}`,
      desired_count: 2,
      launch_type: "FARGATE",
      platform_version: "LATEST",
      network_configuration: { subnets: ["subnet-p1", "subnet-p2"], security_groups: [`\${aws_security_group.${sg}.id}`], assign_public_ip: false },
      deployment_controller: { type: "ECS" },
      deployment_circuit_breaker: { enable: true, rollback: true },
      deployment_minimum_healthy_percent: 100,
      deployment_maximum_percent: 200,
      enable_execute_command: false,
    });
    expect(svc.lifecycle).toBeUndefined();
    expect(svc.load_balancer).toBeUndefined();
  });

  it("attaches to a target group and opens the container port to the load balancer and callers", () => {
    const { tf } = synth({ loadBalancer: { securityGroupId: "sg-alb", targetGroupArn: "arn:tg/api" } }, (s) =>
      s.allowFrom("web-app", "sg-web", "From web-app"),
    );
    const svc = onlyEntry(tf.resource, "aws_ecs_service").values;
    expect(svc.load_balancer).toEqual([{ target_group_arn: "arn:tg/api", container_name: "api-gateway", container_port: 8080 }]);
    expect(svc.health_check_grace_period_seconds).toBe(60);
    const ingress = entries(tf.resource, "aws_vpc_security_group_ingress_rule").map(([, r]) => [
      r.referenced_security_group_id,
      r.from_port,
      r.to_port,
      r.ip_protocol,
    ]);
    expect(ingress).toEqual([
      ["sg-alb", 8080, 8080, "tcp"],
      ["sg-web", 8080, 8080, "tcp"],
    ]);
    expect(onlyEntry(tf.resource, "aws_vpc_security_group_egress_rule").values).toMatchObject({ ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" });
  });

  it("registers A records in Cloud Map so services reach each other by name", () => {
    const { tf, construct: svc } = synth({ serviceDiscovery: { namespaceId: "ns-123", namespaceName: "atlas.internal" } });
    const sd = onlyEntry(tf.resource, "aws_service_discovery_service");
    expect(sd.values).toMatchObject({
      name: "api-gateway",
      dns_config: { namespace_id: "ns-123", routing_policy: "MULTIVALUE", dns_records: [{ type: "A", ttl: 10 }] },
      health_check_custom_config: {},
    });
    expect(onlyEntry(tf.resource, "aws_ecs_service").values.service_registries).toEqual({ registry_arn: `\${aws_service_discovery_service.${sd.name}.arn}` });
    expect(svc.discoveryName).toBe("api-gateway.atlas.internal");
  });

  it("scales on CPU with the seed's target and cooldowns and lets the scaler own desired_count", () => {
    const { tf } = synth({ desiredCount: 3, autoScaling: { min: 2, max: 10, targetCpuPercent: 70, scaleInCooldown: 300, scaleOutCooldown: 60 } });
    const svc = onlyEntry(tf.resource, "aws_ecs_service");
    const target = onlyEntry(tf.resource, "aws_appautoscaling_target");
    expect(target.values).toEqual({
      service_namespace: "ecs",
      scalable_dimension: "ecs:service:DesiredCount",
      resource_id: `service/prod-atlas/\${aws_ecs_service.${svc.name}.name}`,
      min_capacity: 2,
      max_capacity: 10,
    });
    const policy = onlyEntry(tf.resource, "aws_appautoscaling_policy").values;
    expect(policy).toEqual({
      name: "api-gateway-cpu-target",
      policy_type: "TargetTrackingScaling",
      service_namespace: `\${aws_appautoscaling_target.${target.name}.service_namespace}`,
      scalable_dimension: `\${aws_appautoscaling_target.${target.name}.scalable_dimension}`,
      resource_id: `\${aws_appautoscaling_target.${target.name}.resource_id}`,
      target_tracking_scaling_policy_configuration: {
        target_value: 70,
        scale_in_cooldown: 300,
        scale_out_cooldown: 60,
        predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
      },
    });
    expect(svc.values.lifecycle).toEqual({ ignore_changes: ["desired_count"] });
    const withMemory = synth({ autoScaling: { min: 1, max: 5, targetMemoryPercent: 80 } }).tf;
    expect(entries(withMemory.resource, "aws_appautoscaling_policy").map(([, p]) => p.name)).toEqual(["api-gateway-cpu-target", "api-gateway-memory-target"]);
  });

  it("deploys blue/green through CodeDeploy with canary, alarms and auto-rollback", () => {
    const {
      json,
      tf,
      construct: svc,
    } = synth({ loadBalancer: { securityGroupId: "sg-alb" }, deployment: BLUE_GREEN, autoScaling: { min: 2, max: 10 }, desiredCount: 2 });
    const service = onlyEntry(tf.resource, "aws_ecs_service");
    expect(service.values).toMatchObject({
      deployment_controller: { type: "CODE_DEPLOY" },
      load_balancer: [{ target_group_arn: "arn:tg/api-blue", container_name: "api-gateway", container_port: 8080 }],
      lifecycle: { ignore_changes: ["task_definition", "load_balancer", "desired_count"] },
    });
    expect(service.values.deployment_circuit_breaker).toBeUndefined();
    const app = onlyEntry(tf.resource, "aws_codedeploy_app");
    expect(app.values).toMatchObject({ name: "api-gateway", compute_platform: "ECS" });
    const role = entries(tf.resource, "aws_iam_role").find(([, r]) => r.name_prefix === "api-gateway-deploy-")!;
    expect(json).toHaveResourceWithProperties(CodedeployDeploymentGroup, {
      app_name: `\${aws_codedeploy_app.${app.name}.name}`,
      deployment_group_name: "api-gateway",
      service_role_arn: `\${aws_iam_role.${role[0]}.arn}`,
      deployment_config_name: "CodeDeployDefault.ECSCanary10Percent5Minutes",
      deployment_style: { deployment_option: "WITH_TRAFFIC_CONTROL", deployment_type: "BLUE_GREEN" },
      auto_rollback_configuration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarm_configuration: { enabled: true, alarms: ["prod-atlas-api-5xx"] },
      blue_green_deployment_config: {
        deployment_ready_option: { action_on_timeout: "CONTINUE_DEPLOYMENT" },
        terminate_blue_instances_on_deployment_success: { action: "TERMINATE", termination_wait_time_in_minutes: 5 },
      },
      ecs_service: { cluster_name: "prod-atlas", service_name: `\${aws_ecs_service.${service.name}.name}` },
      load_balancer_info: {
        target_group_pair_info: {
          prod_traffic_route: { listener_arns: ["arn:listener/https"] },
          test_traffic_route: { listener_arns: ["arn:listener/test"] },
          target_group: [{ name: "prod-atlas-api-blue" }, { name: "prod-atlas-api-green" }],
        },
      },
    });
    expect(onlyEntry(tf.resource, "aws_iam_role_policy_attachment").values.policy_arn).toBe("arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS");
    expect(svc.codeDeployAppName).toBeDefined();
  });

  it("rejects inconsistent props with messages naming the service", () => {
    expect(() => synth({ cpu: 256, memory: 4096 })).toThrow("FargateService api-gateway: memory 4096 MiB is not valid with cpu 256");
    expect(() => synth({ deployment: BLUE_GREEN })).toThrow("FargateService api-gateway: blue/green deployment needs a loadBalancer");
    expect(() => synth({ deployment: BLUE_GREEN, loadBalancer: { securityGroupId: "sg", targetGroupArn: "arn:tg" } })).toThrow(
      "drop loadBalancer.targetGroupArn",
    );
    expect(() => synth({ loadBalancer: { securityGroupId: "sg" } })).toThrow("loadBalancer.targetGroupArn is required in rolling mode");
    expect(() => synth({ desiredCount: 1, autoScaling: { min: 2, max: 10 } })).toThrow("desiredCount 1 is outside autoScaling 2-10");
    expect(() => synth({ desiredCount: 2, autoScaling: { min: 5, max: 2 } })).toThrow("0 <= min <= max");
    expect(() => synth({ autoScaling: { min: 1, max: 2, targetCpuPercent: 150 } })).toThrow("targetCpuPercent 150 must be in (0, 100]");
    expect(() => synth({ logRetentionDays: 0 })).toThrow("logRetentionDays must be a positive integer");
    expect(() => synth({ subnetIds: [] })).toThrow("subnetIds must not be empty");
  });

  it("synthesizes byte-identical JSON twice", () => {
    expect(synth({ deployment: BLUE_GREEN, loadBalancer: { securityGroupId: "sg" } }).json).toBe(
      synth({ deployment: BLUE_GREEN, loadBalancer: { securityGroupId: "sg" } }).json,
    );
  });
});
