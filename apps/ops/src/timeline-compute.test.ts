import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { env as staging } from "@envs/staging";
import type { EnvConfig } from "@infra/config";
import type { StackJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { resolveError } from "./bad-config/variants";
import { timelineOnly, allOfType as all, oneOfType as one, timelineStack as stack, withTimelineOverride as withOverride } from "./timeline-env";

const errorOf = (config: EnvConfig): string => resolveError(config).message;

type Res = Record<string, unknown>;
type Statement = { sid?: string; actions?: string[]; resources?: string[]; condition?: { test: string; variable: string; values: string[] }[] };

/** Seed 002 gives no sizes: these are the documented defaults (docs/workloads/timeline.md, compute). */
const CASES = [
  { env: dev, domain: "dev.acme-timeline.com", cpu: 512, memory: 1024, min: 2, max: 2, deletionProtection: false, logDays: 7 },
  { env: staging, domain: "staging.acme-timeline.com", cpu: 512, memory: 1024, min: 2, max: 4, deletionProtection: false, logDays: 14 },
  { env: prod, domain: "acme-timeline.com", cpu: 1024, memory: 2048, min: 2, max: 10, deletionProtection: true, logDays: 30 },
] as const;

/** A policy document data source's statements, by the role policy that uses it. */
function statementsOf(json: StackJson["json"], policyName: string): Statement[] {
  const policy = one(json, "aws_iam_role_policy", (p) => p["name"] === policyName);
  const doc = String(policy["policy"]).match(/data\.aws_iam_policy_document\.([^.]+)\.json/)![1]!;
  const data = (json as { data: Record<string, Record<string, { statement: Statement[] }>> }).data;
  return data["aws_iam_policy_document"]![doc]!.statement;
}
const containersOf = (json: StackJson["json"]) => JSON.parse(String(one(json, "aws_ecs_task_definition")["container_definitions"])) as Res[];

describe.each(CASES)("timeline compute in $env.name us-east-1", (c) => {
  const env = c.env;
  const r = "us-east-1";
  const app = () => stack(env, r, "compute-app");
  const n = `${env.name}-${r}-timeline`;

  it("ECR: one repository, KMS-encrypted with the data key, scan on push, immutable tags, lifecycle policy", () => {
    const json = stack(env, r, "compute-ecr");
    expect(one(json, "aws_ecr_repository")).toMatchObject({
      name: `${env.name}-timeline-api`,
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: expect.stringContaining("data_key") }],
      force_delete: !c.deletionProtection,
    });
    const rules = (JSON.parse(String(one(json, "aws_ecr_lifecycle_policy")["policy"])) as { rules: { selection: Res }[] }).rules;
    expect(rules.map((x) => x.selection)).toEqual([
      expect.objectContaining({ tagStatus: "untagged", countType: "sinceImagePushed", countNumber: 7 }),
      expect.objectContaining({ tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: 30 }),
    ]);
  });

  it(`public zone ${c.domain} with query logging and DNSSEC; api.${c.domain} aliases the load balancer`, () => {
    const zone = stack(env, r, "dns-zone");
    expect(one(zone, "aws_route53_zone")).toMatchObject({ name: c.domain });
    expect(all(zone, "aws_route53_query_log")).toHaveLength(1);
    expect(all(zone, "aws_route53_hosted_zone_dnssec")).toHaveLength(1);
    expect(one(app(), "aws_route53_record", (x) => x["name"] === `api.${c.domain}`)).toMatchObject({
      type: "A",
      alias: { evaluate_target_health: true, name: expect.stringContaining("aws_lb.") },
    });
  });

  it("ALB: internet-facing, HTTPS (ACM, TLS 1.2+) with HTTP redirected, invalid headers dropped, WAF, access logs under the bucket policy's prefix", () => {
    const json = app();
    const lb = one(json, "aws_lb");
    expect(lb).toMatchObject({
      name: `${n}-api`,
      internal: false,
      load_balancer_type: "application",
      drop_invalid_header_fields: true,
      desync_mitigation_mode: "defensive",
      enable_deletion_protection: c.deletionProtection,
      access_logs: { enabled: true, prefix: "alb", bucket: expect.stringContaining(`${n}-storage-s3`) },
    });
    // The bucket policy allows exactly the prefix the load balancer writes under (ELB test-writes at creation).
    const storage = stack(env, r, "storage-s3");
    const docs = (storage as { data: Record<string, Record<string, { statement: Statement[] }>> }).data["aws_iam_policy_document"]!;
    const albStatement = Object.values(docs)
      .flatMap((d) => d.statement)
      .find((s) => s.sid === "AlbAccessLogs")!;
    expect(albStatement.resources![0]).toMatch(new RegExp(`/alb/AWSLogs/${env.accountId}/\\*$`));
    const cert = one(json, "aws_acm_certificate");
    expect(cert).toMatchObject({ domain_name: `api.${c.domain}`, validation_method: "DNS" });
    expect(cert["subject_alternative_names"] ?? []).toEqual([]);
    expect(one(json, "aws_lb_listener", (l) => l["port"] === 443)).toMatchObject({
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: expect.stringContaining("aws_acm_certificate_validation"),
      default_action: [{ type: "forward", target_group_arn: expect.stringContaining("aws_lb_target_group") }],
    });
    expect(one(json, "aws_lb_listener", (l) => l["port"] === 80)).toMatchObject({
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", status_code: "HTTP_301" } }],
    });
    expect(one(json, "aws_lb_target_group")).toMatchObject({ port: 8080, target_type: "ip", health_check: { path: "/health", matcher: "200" } });
    expect(one(json, "aws_wafv2_web_acl")).toMatchObject({ scope: "REGIONAL" });
    expect(one(json, "aws_wafv2_web_acl_association")).toMatchObject({ resource_arn: expect.stringContaining("aws_lb.") });
  });

  it(`Fargate service in the private subnets: ${c.cpu} CPU / ${c.memory} MiB, ${c.min}-${c.max} tasks on CPU 70 % and memory 80 % target tracking`, () => {
    const json = app();
    expect(one(json, "aws_ecs_cluster")).toMatchObject({ name: n, setting: [{ name: "containerInsights", value: "enabled" }] });
    const service = one(json, "aws_ecs_service");
    expect(service).toMatchObject({
      name: `${n}-api`,
      launch_type: "FARGATE",
      desired_count: 2,
      deployment_circuit_breaker: { enable: true, rollback: true },
      network_configuration: { assign_public_ip: false, subnets: [0, 1, 2].map((i) => expect.stringContaining(`private-subnet-${i}`)) },
      load_balancer: [{ container_name: "api", container_port: 8080 }],
      lifecycle: { ignore_changes: ["desired_count"] },
    });
    // Its own group (ingress from the ALB only) plus the app tier group RDS and Redis admit.
    const groups = (service["network_configuration"] as { security_groups: string[] }).security_groups;
    expect(groups).toEqual([expect.stringContaining("aws_security_group.api_sg"), expect.stringContaining(`${n}-network-vpc`)]);
    expect(all(json, "aws_vpc_security_group_egress_rule").filter((e) => String(e["security_group_id"]).includes("api_sg"))).toEqual([]);
    expect(one(json, "aws_ecs_task_definition")).toMatchObject({
      cpu: String(c.cpu),
      memory: String(c.memory),
      network_mode: "awsvpc",
      runtime_platform: { cpu_architecture: "ARM64" },
    });
    expect(one(json, "aws_appautoscaling_target")).toMatchObject({ min_capacity: c.min, max_capacity: c.max });
    const policies = all(json, "aws_appautoscaling_policy").map((p) => p["target_tracking_scaling_policy_configuration"] as Res);
    expect(policies).toEqual([
      expect.objectContaining({
        target_value: 70,
        scale_in_cooldown: 300,
        scale_out_cooldown: 60,
        predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
      }),
      expect.objectContaining({
        target_value: 80,
        scale_in_cooldown: 300,
        scale_out_cooldown: 60,
        predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageMemoryUtilization" },
      }),
    ]);
  });

  it("containers: the API (read-only root, DB credentials as ECS secrets from the master secret: RDS-managed, or rotated where replicas exist) and the X-Ray daemon, both logging to the central application group", () => {
    const [api, xray] = containersOf(app());
    expect(api).toMatchObject({
      name: "api",
      essential: true,
      privileged: false,
      readonlyRootFilesystem: true,
      image: expect.stringMatching(/compute-ecr.*repository_url\}:0\.1\.0$/),
    });
    const secrets = api!["secrets"] as { name: string; valueFrom: string }[];
    expect(secrets.map((s) => s.name)).toEqual(["DB_PASSWORD", "DB_USERNAME"]);
    expect(secrets[0]!.valueFrom).toMatch(/timeline-data-rds.*(master_user_secret.*secret_arn|rds_master-secret.*arn)\}:password::$/);
    const envVars = Object.fromEntries((api!["environment"] as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    expect(envVars).toMatchObject({
      DB_HOST: `db-writer.${env.name}.timeline.internal`,
      DB_READER_HOST: `db-reader.${env.name}.timeline.internal`,
      REDIS_HOST: `cache.${env.name}.timeline.internal`,
      REDIS_USER: `${n}-app`,
      REDIS_TLS: "true",
      AWS_XRAY_DAEMON_ADDRESS: "127.0.0.1:2000",
      AWS_XRAY_TRACING_NAME: "timeline-api",
    });
    expect(Object.values(envVars).join(" ")).not.toMatch(/password/i);
    expect(xray).toMatchObject({
      name: "xray-daemon",
      image: "public.ecr.aws/xray/aws-xray-daemon:3.3.14",
      essential: false,
      readonlyRootFilesystem: true,
      memoryReservation: 64,
      portMappings: [{ containerPort: 2000, protocol: "udp" }],
      environment: [{ name: "AWS_REGION", value: r }],
    });
    for (const container of [api, xray]) {
      expect(container!["logConfiguration"]).toMatchObject({
        logDriver: "awslogs",
        options: { "awslogs-group": expect.stringContaining("timeline-ops-monitoring") },
      });
    }
    // The central group is monitoring's: CMK and the env's retention.
    expect(one(stack(env, r, "ops-monitoring"), "aws_cloudwatch_log_group", (g) => g["name"] === `/timeline/${env.name}/application`)).toMatchObject({
      retention_in_days: c.logDays,
      kms_key_id: expect.stringContaining("logs_key"),
    });
    expect(all(app(), "aws_cloudwatch_log_group").map((g) => g["name"])).toEqual([`aws-waf-logs-${n}-api`]);
  });

  it("least privilege: the execution role reads only the database secret; the task role only the timeline's buckets, keys via S3, its cache user and X-Ray", () => {
    const json = app();
    const exec = statementsOf(json, "start-task");
    expect(exec.find((s) => s.sid === "ReadSecrets")).toMatchObject({
      actions: ["secretsmanager:GetSecretValue"],
      resources: [expect.stringMatching(/timeline-data-rds.*(master_user_secret|rds_master-secret)/)],
    });
    expect(exec.find((s) => s.sid === "DecryptSecrets")!.condition).toEqual([
      { test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${r}.amazonaws.com`] },
    ]);
    const task = statementsOf(json, "application");
    expect(task.map((s) => s.sid)).toEqual(["AssetsList", "AssetsObjects", "AssetsKey", "BackupsWrite", "BackupsKey", "CacheConnect0", "XRay"]);
    const actions = task.flatMap((s) => s.actions!);
    expect(actions.filter((a) => a.endsWith(":*") || a === "*")).toEqual([]);
    expect(task.find((s) => s.sid === "BackupsWrite")).toMatchObject({
      actions: ["s3:PutObject"],
      resources: [expect.stringMatching(/timeline-storage-s3.*backups.*arn\}\/\*$/)],
    });
    expect(task.find((s) => s.sid === "AssetsObjects")!.resources).toEqual([expect.stringMatching(/timeline-edge-cdn.*assets.*arn\}\/\*$/)]);
    for (const sid of ["AssetsKey", "BackupsKey"]) {
      expect(task.find((s) => s.sid === sid)!.condition).toEqual([{ test: "StringEquals", variable: "kms:ViaService", values: [`s3.${r}.amazonaws.com`] }]);
    }
    expect(task.find((s) => s.sid === "CacheConnect0")).toMatchObject({ actions: ["elasticache:Connect"] });
    // Only X-Ray, which has no resource-level permissions, is granted on "*".
    expect(task.filter((s) => s.resources!.includes("*")).map((s) => s.sid)).toEqual(["XRay"]);
  });

  it("alarms on target 5xx and unhealthy tasks notify the workload's alert topic", () => {
    const alarms = all(app(), "aws_cloudwatch_metric_alarm");
    expect(alarms.map((a) => [a["metric_name"], a["threshold"]])).toEqual([
      ["HTTPCode_Target_5XX_Count", 10],
      ["UnHealthyHostCount", 0],
    ]);
    for (const a of alarms) expect(a["alarm_actions"]).toEqual([expect.stringContaining("timeline-ops-monitoring")]);
  });
});

describe("timeline compute in the prod DR region us-west-2: a standby", () => {
  const r = "us-west-2";
  const app = () => stack(prod, r, "compute-app");

  it("runs zero tasks until failover, with its own repository, load balancer, WAF and access logs", () => {
    expect(one(app(), "aws_ecs_service")).toMatchObject({ desired_count: 0 });
    expect(one(app(), "aws_appautoscaling_target")).toMatchObject({ min_capacity: 0, max_capacity: 10 });
    expect(one(stack(prod, r, "compute-ecr"), "aws_ecr_repository")).toMatchObject({ name: "prod-timeline-api", image_tag_mutability: "IMMUTABLE" });
    expect(containersOf(app())[0]!["image"]).toContain("prod-us-west-2-timeline-compute-ecr");
    expect(one(app(), "aws_lb")).toMatchObject({
      enable_deletion_protection: true,
      access_logs: { bucket: expect.stringContaining("prod-us-west-2-timeline-storage-s3") },
    });
    expect(all(app(), "aws_wafv2_web_acl_association")).toHaveLength(1);
    expect(all(stack(prod, r, "compute-app"), "aws_route53_zone")).toEqual([]);
  });

  it("its certificate also names api.<domain>, so the failover only re-points the record", () => {
    expect(one(app(), "aws_acm_certificate")).toMatchObject({
      domain_name: "api-us-west-2.acme-timeline.com",
      subject_alternative_names: ["api.acme-timeline.com"],
    });
    expect(one(app(), "aws_route53_record", (x) => x["name"] === "api-us-west-2.acme-timeline.com")["zone_id"]).toContain("prod-us-east-1-timeline-dns-zone");
  });

  it("reads the primary's database secret (a replica has none) through Secrets Manager in us-east-1, and the DR buckets", () => {
    const exec = statementsOf(app(), "start-task");
    expect(exec.find((s) => s.sid === "ReadSecrets")!.resources).toEqual([expect.stringContaining("prod-us-east-1-timeline-data-rds")]);
    expect(exec.find((s) => s.sid === "DecryptSecrets")).toMatchObject({
      resources: [expect.stringContaining("prod-us-east-1-timeline-security-kms")],
      condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] }],
    });
    const task = statementsOf(app(), "application");
    expect(task.find((s) => s.sid === "AssetsObjects")!.resources).toEqual([expect.stringMatching(/prod-us-west-2-timeline-storage-s3.*assets.*\/\*$/)]);
    expect(task.find((s) => s.sid === "BackupsWrite")!.resources).toEqual([expect.stringMatching(/prod-us-west-2-timeline-storage-s3.*backups.*\/\*$/)]);
    const envVars = Object.fromEntries((containersOf(app())[0]!["environment"] as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    // The primary's private zone (associated with the DR VPC): the failover re-points these names.
    expect(envVars).toMatchObject({
      DB_HOST: "db-writer.prod.timeline.internal",
      REDIS_HOST: "cache.prod.timeline.internal",
      REDIS_USER: "prod-us-west-2-timeline-app",
    });
  });
});

describe("timeline compute: bad config fails at resolve time, naming the file, field, value and what is allowed", () => {
  it("a memory size Fargate does not offer for the CPU", () => {
    expect(errorOf(withOverride("app", { memory: 1536 }))).toContain(
      "[test/timeline.ts] us-east-1/timeline-compute/app.inputs.memory = 1536: 1536 MiB is not a Fargate size for cpu 1024",
    );
  });
  it("a CPU size Fargate does not offer", () => {
    expect(errorOf(withOverride("app", { cpu: 768 }))).toContain("us-east-1/timeline-compute/app.inputs.cpu = 768: must be a Fargate CPU size");
  });
  it("a container port the network does not open", () => {
    expect(errorOf(withOverride("app", { port: 3000 }))).toContain("us-east-1/timeline-compute/app.inputs.port = 3000");
  });
  it('the mutable "latest" tag', () => {
    expect(errorOf(withOverride("app", { imageTag: "latest" }))).toContain('inputs.imageTag = "latest": must not be "latest"');
  });
  it("fewer than 2 tasks in the active region", () => {
    expect(
      errorOf(
        withOverride("app", {
          desiredCount: 1,
          autoScaling: { min: 1, max: 10, targetCpuPercent: 70, targetMemoryPercent: 80, scaleInCooldownSeconds: 300, scaleOutCooldownSeconds: 60 },
        }),
      ),
    ).toContain("inputs.autoScaling.min = 1: an active region keeps at least 2 tasks");
  });
  it("tasks running in the standby DR region", () => {
    expect(
      errorOf(
        withOverride(
          "app",
          {
            desiredCount: 1,
            autoScaling: { min: 1, max: 10, targetCpuPercent: 70, targetMemoryPercent: 80, scaleInCooldownSeconds: 300, scaleOutCooldownSeconds: 60 },
          },
          "us-west-2",
        ),
      ),
    ).toContain("us-west-2/timeline-compute/app.inputs.autoScaling.min = 1: a standby (DR) region runs no tasks until failover");
  });
  it("a mutable ECR repository", () => {
    expect(errorOf(withOverride("ecr", { imageTagMutability: "MUTABLE" }))).toContain(
      '[test/timeline.ts] us-east-1/timeline-compute/ecr.inputs.imageTagMutability = "MUTABLE": must be one of "IMMUTABLE"',
    );
  });
  it("a NAT-less network under the app tier", () => {
    expect(errorOf(withOverride("vpc", { nat: { mode: "none" } }))).toContain("us-east-1/timeline-compute/app.dependencies.vpc");
  });
  it("an X-Ray daemon image without a pinned version", () => {
    expect(errorOf(withOverride("app", { xray: { daemonImage: "public.ecr.aws/xray/aws-xray-daemon:latest", memoryReservation: 64 } }))).toContain(
      "inputs.xray.daemonImage",
    );
  });
  it("a public domain that is not a DNS name", () => {
    const config = { ...timelineOnly(prod), workloads: { timeline: { ...(prod.workloads["timeline"] as object), publicDomain: "Timeline_Example" } } };
    expect(errorOf(config)).toContain('publicDomain = "Timeline_Example"');
  });
});
