/**
 * Seed 004 "Scaling Architecture", the observability widgets and prod's Splunk shipping, against the
 * synthesized JSON of every env: the application service on the ECS cluster behind the ingress ALB,
 * its CPU target tracking with the seed's numbers, the dashboard's metric dimensions, Firehose → Splunk.
 */
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, synthEnvJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { withInputs } from "./bad-config/variants";
import { ENVS } from "./envs";
import { type R, entries, stackOf, values } from "./platform-stacks";

/** Seed 004 "Scaling Architecture": min/max per env (the ECS table's instance counts), placement per the ECS table. */
const TABLE = {
  dev: { min: 1, max: 3, logs: 7, placement: [{ type: "binpack", field: "memory" }] },
  staging: { min: 2, max: 3, logs: 14, placement: [{ type: "binpack", field: "memory" }] },
  uat: { min: 2, max: 3, logs: 30, placement: [{ type: "binpack", field: "memory" }] },
  prod: {
    min: 3,
    max: 10,
    logs: 30,
    placement: [
      { type: "spread", field: "attribute:ecs.availability-zone" },
      { type: "spread", field: "instanceId" },
    ],
  },
} as const;

const one = (stack: StackJson, type: string): [string, R] => {
  const all = entries(stack, type);
  expect(all, `${stack.stackName}: one ${type}`).toHaveLength(1);
  return all[0]!;
};
/** The output of `producer` a cross-stack reference in `value` reads. */
const crossRef = (producer: string, resourceType: string, attribute: string) =>
  new RegExp(`cross-stack-reference-input-${producer}\\.outputs\\.cross-stack-output-${resourceType}.*${attribute}\\}`);

describe.each(ENVS.map((e) => [e.name, e] as const))("seed 004 scaling and observability in %s", (name, env) => {
  const row = TABLE[name as keyof typeof TABLE];
  const stacks = synthEnvOnce(env);
  const p = `${name}-us-east-1`;
  const app = stackOf(stacks, `${p}-services-app`);

  it("the application service: on the cluster's capacity provider, placement per env, behind the ingress ALB's HTTPS listener, /health", () => {
    const [tgKey, tg] = one(app, "aws_lb_target_group");
    expect(tg).toMatchObject({
      name: `${p}-platform-app`,
      target_type: "instance",
      port: 8080,
      protocol: "HTTP",
      health_check: expect.objectContaining({ path: "/health", matcher: "200", port: "traffic-port" }),
    });
    const [ruleKey, rule] = one(app, "aws_lb_listener_rule");
    expect(rule["listener_arn"]).toMatch(crossRef(`${p}-services-ingress`, "aws_lb_listeneralb_https", "arn"));
    expect(rule).toMatchObject({
      action: [{ type: "forward", target_group_arn: `\${aws_lb_target_group.${tgKey}.arn}` }],
      condition: [{ path_pattern: { values: ["/*"] } }],
    });

    const [, service] = one(app, "aws_ecs_service");
    const [taskKey, task] = one(app, "aws_ecs_task_definition");
    expect(service).toMatchObject({
      name: `${p}-platform-app`,
      desired_count: row.min,
      task_definition: `\${aws_ecs_task_definition.${taskKey}.arn}`,
      ordered_placement_strategy: row.placement,
      load_balancer: [{ target_group_arn: `\${aws_lb_target_group.${tgKey}.arn}`, container_name: "app", container_port: 8080 }],
      deployment_circuit_breaker: { enable: true, rollback: true },
      lifecycle: { ignore_changes: ["desired_count"] },
    });
    expect(service["cluster"]).toMatch(crossRef(`${p}-services-ecs-cluster`, "aws_ecs_clusterecs_cluster", "arn"));
    expect((service["capacity_provider_strategy"] as R[])[0]!["capacity_provider"]).toMatch(
      crossRef(`${p}-services-ecs-cluster`, "aws_ecs_capacity_provider", "name"),
    );
    expect(service["depends_on"]).toContain(`aws_lb_listener_rule.${ruleKey}`);
    // Bridge networking with dynamic host ports: the range the ingress opens from the ALB to the instances.
    expect(task).toMatchObject({ network_mode: "bridge", requires_compatibilities: ["EC2"] });
    const [container] = JSON.parse(String(task["container_definitions"])) as R[];
    expect(container).toMatchObject({
      name: "app",
      portMappings: [{ containerPort: 8080, hostPort: 0, protocol: "tcp" }],
      readonlyRootFilesystem: true,
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": "/app/application", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" },
      },
    });
    expect(String(container!["image"])).toMatch(/^\$\{aws_ecr_repository\.[^.]+\.repository_url\}:1\.0\.0$/);
    const ingress = stackOf(stacks, `${p}-services-ingress`);
    expect(values(ingress, "aws_vpc_security_group_ingress_rule")).toContainEqual(
      expect.objectContaining({ from_port: 32768, to_port: 65535, description: "ALB to ECS dynamic host ports" }),
    );
  });

  it("scaling: target tracking on ECSServiceAverageCPUUtilization 70 %, scale-out cooldown 300 s, scale-in 900 s, min/max per env", () => {
    const [targetKey, target] = one(app, "aws_appautoscaling_target");
    expect(target).toMatchObject({ service_namespace: "ecs", scalable_dimension: "ecs:service:DesiredCount", min_capacity: row.min, max_capacity: row.max });
    const [serviceKey] = one(app, "aws_ecs_service");
    expect(String(target["resource_id"])).toMatch(
      new RegExp(
        `^service/\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-${p}-services-ecs-cluster\\.outputs\\.cross-stack-output-aws_ecs_clusterecs_cluster_[A-Z0-9]+name\\}/\\$\\{aws_ecs_service\\.${serviceKey}\\.name\\}$`,
      ),
    );
    const [, policy] = one(app, "aws_appautoscaling_policy");
    expect(policy).toMatchObject({
      policy_type: "TargetTrackingScaling",
      resource_id: `\${aws_appautoscaling_target.${targetKey}.resource_id}`,
      target_tracking_scaling_policy_configuration: {
        predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
        target_value: 70,
        scale_out_cooldown: 300,
        scale_in_cooldown: 900,
      },
    });
    // The instances follow through managed scaling (ADR 0095): +1 per step, 5-minute warm-up, same min/max; no ASG policy fights it.
    const ecs = stackOf(stacks, `${p}-services-ecs-cluster`);
    expect(values(ecs, "aws_ecs_capacity_provider")[0]).toMatchObject({
      auto_scaling_group_provider: expect.objectContaining({
        managed_scaling: expect.objectContaining({
          status: "ENABLED",
          target_capacity: 70,
          minimum_scaling_step_size: 1,
          maximum_scaling_step_size: 1,
          instance_warmup_period: 300,
        }),
      }),
    });
    expect(values(ecs, "aws_autoscaling_group")[0]).toMatchObject({ min_size: row.min, max_size: row.max });
    expect(values(ecs, "aws_autoscaling_policy")).toEqual([]);
  });

  it("seed log group /app/application: the env's retention, the logs key", () => {
    expect(values(app, "aws_cloudwatch_log_group")).toEqual([
      expect.objectContaining({
        name: "/app/application",
        retention_in_days: row.logs,
        kms_key_id: expect.stringMatching(crossRef(`${p}-security-kms`, "aws_kms_keylogs_key", "arn")),
      }),
    ]);
  });

  it("dashboard: memory, disk, ALB requests/5xx/latency, service CPU, DB queries, on the dimensions AWS publishes", () => {
    const ops = stackOf(stacks, `${p}-ops-monitoring`);
    const body = JSON.parse(String(values(ops, "aws_cloudwatch_dashboard")[0]!["dashboard_body"])) as {
      widgets: { type: string; properties: { metrics?: unknown[][] } }[];
    };
    const lines = body.widgets.flatMap((w) => w.properties.metrics ?? []);
    const find = (namespace: string, metric: string) => {
      const line = lines.find((l) => l[0] === namespace && l[1] === metric);
      expect(line, `${namespace} ${metric}`).toBeDefined();
      // [namespace, metric, dim1, value1, dim2, value2, ..., options?]
      const dims = line!.slice(2).filter((x) => typeof x === "string") as string[];
      return Object.fromEntries(dims.flatMap((_, i) => (i % 2 === 0 ? [[dims[i]!, dims[i + 1]!]] : [])));
    };
    const asg = crossRef(`${p}-services-ecs-cluster`, "aws_autoscaling_groupecs_asg", "name");
    expect(find("CWAgent", "mem_used_percent")).toEqual({ AutoScalingGroupName: expect.stringMatching(asg) });
    expect(find("CWAgent", "disk_used_percent")).toEqual({ AutoScalingGroupName: expect.stringMatching(asg), path: "/" });
    const lb = { LoadBalancer: expect.stringMatching(crossRef(`${p}-services-ingress`, "aws_lbalb_", "arn_suffix")) };
    for (const metric of ["RequestCount", "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "TargetResponseTime"])
      expect(find("AWS/ApplicationELB", metric)).toEqual(lb);
    expect(find("AWS/ApplicationELB", "HealthyHostCount")).toEqual({
      ...lb,
      TargetGroup: expect.stringMatching(crossRef(`${p}-services-app`, "aws_lb_target_group", "arn_suffix")),
    });
    expect(find("AWS/ECS", "CPUUtilization")).toEqual({
      ClusterName: expect.stringMatching(crossRef(`${p}-services-ecs-cluster`, "aws_ecs_clusterecs_cluster", "name")),
      ServiceName: expect.stringMatching(crossRef(`${p}-services-app`, "aws_ecs_service", "name")),
    });
    const db = { DBInstanceIdentifier: expect.stringMatching(crossRef(`${p}-data-rds`, "aws_db_instance", "identifier")) };
    for (const metric of ["ReadIOPS", "WriteIOPS", "DatabaseConnections"]) expect(find("AWS/RDS", metric)).toEqual(db);
    // The agent publishes what the widgets read.
    const ecs = stackOf(stacks, `${p}-services-ecs-cluster`);
    const userData = Buffer.from(String(values(ecs, "aws_launch_template")[0]!["user_data"]), "base64").toString("utf8");
    expect(userData).toContain('"mem":{"measurement":["used_percent"]}');
    expect(userData).toContain('"aggregation_dimensions":[["AutoScalingGroupName","path"],["AutoScalingGroupName"]]');
  });

  it(name === "prod" ? "Splunk shipping: prod only" : "no Splunk shipping outside prod (seed 004: CloudWatch only)", () => {
    const shipping = stacks.filter((s) => s.stackName.endsWith("-ops-log-shipping")).map((s) => s.stackName);
    expect(shipping).toEqual(name === "prod" ? ["prod-us-east-1-ops-log-shipping", "prod-eu-west-1-ops-log-shipping"] : []);
  });
});

describe("seed 004 prod log shipping to Splunk", () => {
  const stacks = synthEnvOnce(ENVS.find((e) => e.name === "prod")!);

  describe.each(["us-east-1", "eu-west-1"])("%s", (region) => {
    const p = `prod-${region}`;
    const st = stackOf(stacks, `${p}-ops-log-shipping`);
    const doc = (key: string) => (st.json.data as Record<string, Record<string, { statement: R[] }>>)["aws_iam_policy_document"]![key]!.statement;

    it("Firehose → Splunk HEC from config, token from the secret, failed events only to the CMK bucket, SSE with the logs key", () => {
      const [, stream] = one(st, "aws_kinesis_firehose_delivery_stream");
      const [secretKey, secret] = one(st, "aws_secretsmanager_secret");
      const [bucketKey, bucket] = one(st, "aws_s3_bucket");
      const logsKey = crossRef(`${p}-security-kms`, "aws_kms_keylogs_key", "arn");
      expect(secret).toMatchObject({
        name: `splunk/${p}-platform/hec-token`,
        kms_key_id: expect.stringMatching(crossRef(`${p}-security-kms`, "aws_kms_keydata_key", "arn")),
      });
      expect(bucket).toMatchObject({ bucket: `acme-infra-${p}-splunk-failed` });
      expect(values(st, "aws_s3_bucket_server_side_encryption_configuration")[0]).toMatchObject({
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: expect.stringMatching(logsKey) } }],
      });
      expect(stream).toMatchObject({
        name: `${p}-platform-splunk`,
        destination: "splunk",
        server_side_encryption: { enabled: true, key_type: "CUSTOMER_MANAGED_CMK", key_arn: expect.stringMatching(logsKey) },
        splunk_configuration: expect.objectContaining({
          hec_endpoint: "https://http-inputs-firehose-acme-platform.splunkcloud.com:443",
          hec_endpoint_type: "Raw",
          s3_backup_mode: "FailedEventsOnly",
          secrets_manager_configuration: {
            enabled: true,
            secret_arn: `\${aws_secretsmanager_secret.${secretKey}.arn}`,
            role_arn: expect.stringMatching(/aws_iam_role\.firehose-role\.arn/),
          },
          s3_configuration: expect.objectContaining({ bucket_arn: `\${aws_s3_bucket.${bucketKey}.arn}`, kms_key_arn: expect.stringMatching(logsKey) }),
        }),
      });
      // No token in config or state: only the secret reference.
      expect(JSON.stringify(stream)).not.toMatch(/hec_token/);
    });

    it("subscriptions: the application, cluster and system log groups, through a role that can only put into this stream", () => {
      const filters = values(st, "aws_cloudwatch_log_subscription_filter");
      expect(filters.map((f) => f["log_group_name"])).toEqual([
        expect.stringMatching(crossRef(`${p}-services-app`, "aws_cloudwatch_log_groupapplication-logs", "name")),
        expect.stringMatching(crossRef(`${p}-services-ecs-cluster`, "aws_cloudwatch_log_groupecs_logs", "name")),
        expect.stringMatching(crossRef(`${p}-services-ecs-cluster`, "aws_cloudwatch_log_groupecs_system-logs", "name")),
      ]);
      const [streamKey] = one(st, "aws_kinesis_firehose_delivery_stream");
      for (const f of filters)
        expect(f).toMatchObject({
          destination_arn: `\${aws_kinesis_firehose_delivery_stream.${streamKey}.arn}`,
          role_arn: "${aws_iam_role.subscription-role.arn}",
          filter_pattern: "",
        });
      expect(doc("subscription-role-policy-doc")).toEqual([
        {
          sid: "PutIntoStream",
          effect: "Allow",
          actions: ["firehose:PutRecord", "firehose:PutRecordBatch"],
          resources: [`\${aws_kinesis_firehose_delivery_stream.${streamKey}.arn}`],
        },
      ]);
      expect(doc("subscription-role-trust")[0]).toMatchObject({
        principals: [{ type: "Service", identifiers: ["logs.amazonaws.com"] }],
        condition: [{ test: "StringLike", variable: "aws:SourceArn", values: [`arn:aws:logs:${region}:444444444444:*`] }],
      });
    });

    it("the Firehose role: the failed-events bucket and key (via S3), the token secret and its key (via Secrets Manager), its error log streams", () => {
      const statements = doc("firehose-role-policy-doc");
      expect(statements.map((s) => s["sid"])).toEqual(["FailedEventsBucket", "FailedEventsKey", "HecToken", "HecTokenKey", "DeliveryErrors"]);
      for (const s of statements) expect(s["resources"], String(s["sid"])).not.toContain("*");
      expect(statements[1]!["condition"]).toEqual([{ test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] }]);
      expect(statements[3]!["condition"]).toEqual([{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${region}.amazonaws.com`] }]);
      expect(doc("firehose-role-trust")[0]).toMatchObject({ condition: [{ test: "StringEquals", variable: "sts:ExternalId", values: ["444444444444"] }] });
    });
  });
});

describe("seed 004 prod Route 53 health check", () => {
  it("refuses an HTTPS path the service does not answer on (Route 53 would fail over a healthy region)", () => {
    const prod = ENVS.find((e) => e.name === "prod")!;
    const variant = withInputs(prod, "us-east-1", "dns/app-record", {
      routing: { mode: "failover", healthCheck: { type: "HTTPS", path: "/healthz" }, failureThreshold: 3, requestIntervalSeconds: 30 },
    });
    expect(() => synthEnvJson(variant, { root, workloads: WORKLOADS })).toThrow(
      'prod-us-east-1-dns-app-record: routing.healthCheck.path "/healthz" is not the path the service answers on the ALB ("/health", services/app healthCheckPath)',
    );
  });
});
