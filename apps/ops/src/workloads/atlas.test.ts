import { WORKLOADS } from "@envs/envcommon";
import { env as prodEnv } from "@envs/prod";
import { root } from "@envs/root";
import { env as stagingEnv } from "@envs/staging";
import { type EnvConfig, resolveEnv } from "@infra/config";
import type { PolicyReport } from "@infra/policy";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourceAddresses, resourcesOfType, synthEnvJson } from "@infra/workloads";
import { atlasOnly } from "./atlas-variant";
import { describe, expect, it } from "vitest";

type Res = Record<string, unknown>;

/** The workload's stacks (the platform's security/ci-access is synthesized only as the OIDC provider's owner). */
const synth = (env: EnvConfig) => synthEnvOnce(env).filter((s) => s.stackName.includes("-atlas-"));
const short = (s: StackJson) => s.stackName.replace(/^(prod|staging)-/, "");
function stack(stacks: StackJson[], name: string): StackJson {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; have ${stacks.map((s) => s.stackName).join(", ")}`);
  return found;
}
const all = (stacks: StackJson[], type: string): Res[] => stacks.flatMap((s) => Object.values(resourcesOfType(s.json, type)));
const one = (s: StackJson, type: string): Res => {
  const list = Object.values(resourcesOfType(s.json, type));
  expect(list, `${s.stackName}: one ${type}`).toHaveLength(1);
  return list[0]!;
};
/** Addresses without cdktf's hash suffix, to compare phases. */
const addressSet = (stacks: StackJson[]) =>
  new Map(stacks.map((s) => [s.stackName, new Set(resourceAddresses(s.json).map((a) => a.replace(/_[A-F0-9]{8}$/, "")))]));

// The committed config: no phase override.
const phase1 = synth(atlasOnly(prodEnv));
const phases = { 2: synth(atlasOnly(prodEnv, 2)), 3: synth(atlasOnly(prodEnv, 3)), 4: synth(atlasOnly(prodEnv, 4)) };
const staging = { 3: synth(atlasOnly(stagingEnv, 3)), 4: synth(atlasOnly(stagingEnv, 4)) };

/** Phase 4 prod's us-west-2 stacks, in deploy order: the copies' keys and buckets, and the ADR 0106 pilot light. */
const DR_STACKS = [
  "us-west-2-atlas-security-kms",
  "us-west-2-atlas-network-vpc",
  "us-west-2-atlas-data-buckets",
  "us-west-2-atlas-data-queues",
  "us-west-2-atlas-data-redis",
  "us-west-2-atlas-services-ecr",
  "us-west-2-atlas-edge-waf",
  "us-west-2-atlas-edge-alb",
  "us-west-2-atlas-services-ecs",
];

describe("committed config: phase 1 in prod only", () => {
  it("is phase 1, and staging, dev and uat deploy nothing of the workload", () => {
    expect(WORKLOADS["atlas"]!.defaults).toMatchObject({ phase: 1 });
    const resolved = resolveEnv(root, atlasOnly(stagingEnv), WORKLOADS);
    expect(resolved.deployments.filter((d) => d.workload === "atlas")).toEqual([]);
  });

  it("makes exactly the phase-1 stacks", () => {
    expect(phase1.map(short).sort()).toEqual(
      [
        "us-east-1-atlas-data-buckets",
        "us-east-1-atlas-data-queues",
        "us-east-1-atlas-data-rds",
        "us-east-1-atlas-dns-records",
        "us-east-1-atlas-dns-zone",
        "us-east-1-atlas-network-vpc",
        "us-east-1-atlas-ops-alerts",
        "us-east-1-atlas-ops-monitoring",
        "us-east-1-atlas-security-kms",
        "us-east-1-atlas-security-app-deploy",
        "us-east-1-atlas-security-secrets",
        "us-east-1-atlas-services-docker-host",
        "us-east-1-atlas-services-ecr",
      ].sort(),
    );
  });

  it("VPC 10.0.0.0/16: public 10.0.1.0/24 (1a), data 10.0.20.0/24 (1a) and 10.0.21.0/24 (1b); no NAT, no private subnets, no ALB", () => {
    const vpc = stack(phase1, "prod-us-east-1-atlas-network-vpc");
    expect(one(vpc, "aws_vpc")).toMatchObject({ cidr_block: "10.0.0.0/16" });
    const subnets = Object.values(resourcesOfType(vpc.json, "aws_subnet")).map((s) => [s["cidr_block"], s["availability_zone"], (s["tags"] as Res)["Tier"]]);
    expect(subnets.sort()).toEqual([
      ["10.0.1.0/24", "us-east-1a", "public"],
      ["10.0.20.0/24", "us-east-1a", "database"],
      ["10.0.21.0/24", "us-east-1b", "database"],
    ]);
    expect(all(phase1, "aws_nat_gateway")).toEqual([]);
    expect(all(phase1, "aws_lb")).toEqual([]);
    expect(one(vpc, "aws_db_subnet_group")).toMatchObject({ name: "prod-us-east-1-atlas-db" });
  });

  it("EC2 t3.xlarge in the public subnet with an Elastic IP, IMDSv2, encrypted gp3 root, instance profile, Docker/Compose/agent user data", () => {
    const host = stack(phase1, "prod-us-east-1-atlas-services-docker-host");
    const instance = one(host, "aws_instance");
    expect(instance).toMatchObject({
      instance_type: "t3.xlarge",
      metadata_options: { http_tokens: "required", http_endpoint: "enabled" },
      root_block_device: { volume_type: "gp3", encrypted: true, volume_size: 50 },
    });
    expect(String(instance["subnet_id"])).toContain("atlas-network-vpc.outputs.cross-stack-output-aws_subnetvpc_public-subnet-0");
    expect(String((instance["root_block_device"] as Res)["kms_key_id"])).toContain("terraform_remote_state");
    expect(String(instance["iam_instance_profile"])).toContain("aws_iam_instance_profile.");
    expect(one(host, "aws_eip")).toMatchObject({ domain: "vpc" });
    expect(one(host, "aws_eip_association")).toBeDefined();
    const userData = String(instance["user_data"]);
    for (const step of [
      "dnf install -y docker amazon-cloudwatch-agent",
      "docker-compose",
      "amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c ssm:AmazonCloudWatch-acct-atlas-prod-docker",
    ]) {
      expect(userData).toContain(step);
    }
    const attached = Object.values(resourcesOfType(host.json, "aws_iam_role_policy_attachment")).map((a) => a["policy_arn"]);
    expect(attached.sort()).toEqual(["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]);
    const docs = JSON.stringify(host.json.data?.["aws_iam_policy_document"]);
    for (const action of ["ecr:BatchGetImage", "ecr:GetAuthorizationToken", "secretsmanager:GetSecretValue", "sqs:SendMessage", "sqs:ReceiveMessage"])
      expect(docs).toContain(action);
    // Reads exactly its secrets: the four app secrets and the RDS-managed password.
    const secretsStatement = Object.values(host.json.data!["aws_iam_policy_document"]!)
      .flatMap((d) => (d["statement"] as Res[]) ?? [])
      .find((s) => s["sid"] === "ReadSecrets")!;
    expect(secretsStatement["resources"] as string[]).toHaveLength(5);
  });

  it("sg-ec2-web: 80 and 443 from anywhere, 22 from the admin CIDR only, all outbound; sg-rds: 5432 from sg-ec2-web only", () => {
    const host = stack(phase1, "prod-us-east-1-atlas-services-docker-host");
    const hostSg = Object.keys(resourcesOfType(host.json, "aws_security_group"))[0];
    const ingress = Object.values(resourcesOfType(host.json, "aws_vpc_security_group_ingress_rule")).map((r) => ({
      port: r["from_port"],
      to: r["to_port"],
      proto: r["ip_protocol"],
      cidr: r["cidr_ipv4"],
      sg: r["referenced_security_group_id"] === undefined ? undefined : "ref",
      target: String(r["security_group_id"]).includes(`aws_security_group.${hostSg}`) ? "ec2" : "rds",
      description: r["description"],
    }));
    expect(ingress).toEqual([
      { port: 80, to: 80, proto: "tcp", cidr: "0.0.0.0/0", sg: undefined, target: "ec2", description: "HTTP (redirect to HTTPS)" },
      { port: 443, to: 443, proto: "tcp", cidr: "0.0.0.0/0", sg: undefined, target: "ec2", description: "HTTPS" },
      { port: 22, to: 22, proto: "tcp", cidr: "203.0.113.10/32", sg: undefined, target: "ec2", description: "SSH from the admin network" },
      { port: 5432, to: 5432, proto: "tcp", cidr: undefined, sg: "ref", target: "rds", description: "PostgreSQL from EC2 only" },
    ]);
    const rule = Object.values(resourcesOfType(host.json, "aws_vpc_security_group_ingress_rule")).find((r) => r["from_port"] === 5432)!;
    expect(rule["referenced_security_group_id"]).toBe(`\${aws_security_group.${hostSg}.id}`);
    expect(Object.values(resourcesOfType(host.json, "aws_vpc_security_group_egress_rule")).map((r) => [r["ip_protocol"], r["cidr_ipv4"]])).toEqual([
      ["-1", "0.0.0.0/0"],
    ]);
    // The database stack opens nothing itself.
    const rds = stack(phase1, "prod-us-east-1-atlas-data-rds");
    expect(resourcesOfType(rds.json, "aws_vpc_security_group_ingress_rule")).toEqual({});
    expect(one(rds, "aws_security_group")["ingress"]).toBeUndefined();
  });

  it("RDS PostgreSQL db.t4g.micro, 20 GB gp3, single-AZ, 7-day backups, Performance Insights off, encrypted, managed password", () => {
    const rds = stack(phase1, "prod-us-east-1-atlas-data-rds");
    const db = one(rds, "aws_db_instance");
    expect(db).toMatchObject({
      engine: "postgres",
      instance_class: "db.t4g.micro",
      allocated_storage: 20,
      storage_type: "gp3",
      multi_az: false,
      backup_retention_period: 7,
      performance_insights_enabled: false,
      storage_encrypted: true,
      manage_master_user_password: true,
      publicly_accessible: false,
      deletion_protection: true,
    });
    expect(all(phase1, "aws_db_instance_automated_backups_replication")).toEqual([]);
  });

  it("SQS: a queue and a DLQ per consuming service, CMK-encrypted", () => {
    const queues = all(phase1, "aws_sqs_queue")
      .map((q) => q["name"])
      .sort();
    expect(queues).toEqual([
      "acct-atlas-prod-moderation-service",
      "acct-atlas-prod-moderation-service-dlq",
      "acct-atlas-prod-notification-service",
      "acct-atlas-prod-notification-service-dlq",
      "acct-atlas-prod-search-service",
      "acct-atlas-prod-search-service-dlq",
    ]);
    for (const q of all(phase1, "aws_sqs_queue")) expect(String(q["kms_master_key_id"])).toContain("terraform_remote_state");
  });

  it("S3 buckets for backups and static assets (+ their access logs)", () => {
    expect(
      all(phase1, "aws_s3_bucket")
        .map((b) => b["bucket"])
        .sort(),
    ).toEqual([
      "accountabilityatlas-prod-us-east-1-access-logs",
      "accountabilityatlas-prod-us-east-1-backups",
      "accountabilityatlas-prod-us-east-1-static-assets",
    ]);
  });

  it("ECR: the eight images of the compose file, scan on push, lifecycle policy", () => {
    const repos = all(phase1, "aws_ecr_repository");
    expect(repos.map((r) => r["name"]).sort()).toEqual(
      ["api-gateway", "user-service", "video-service", "location-service", "search-service", "moderation-service", "notification-service", "web-app"]
        .map((s) => `acct-atlas-${s}`)
        .sort(),
    );
    for (const r of repos) expect(r["image_scanning_configuration"]).toEqual({ scan_on_push: true });
    expect(all(phase1, "aws_ecr_lifecycle_policy")).toHaveLength(8);
  });

  it("Route 53: the zone, apex A → Elastic IP, www CNAME → apex", () => {
    expect(one(stack(phase1, "prod-us-east-1-atlas-dns-zone"), "aws_route53_zone")).toMatchObject({ name: "accountabilityatlas.com" });
    const records = Object.values(resourcesOfType(stack(phase1, "prod-us-east-1-atlas-dns-records").json, "aws_route53_record"));
    expect(records.map((r) => [r["name"], r["type"]])).toEqual([
      ["accountabilityatlas.com", "A"],
      ["www.accountabilityatlas.com", "CNAME"],
    ]);
    expect(String(records[0]!["records"])).toContain("terraform_remote_state.cross-stack-reference-input-prod-us-east-1-atlas-services-docker-host");
    expect(records[1]!["records"]).toEqual(["accountabilityatlas.com"]);
  });

  it("Secrets Manager: the four app secrets (the database password is RDS-managed); no value anywhere", () => {
    expect(
      all(phase1, "aws_secretsmanager_secret")
        .map((s) => s["name"])
        .sort(),
    ).toEqual([
      "accountabilityatlas/prod/admin-password-hash",
      "accountabilityatlas/prod/jwt-rsa-key-pair",
      "accountabilityatlas/prod/mapbox-access-token",
      "accountabilityatlas/prod/youtube-api-key",
    ]);
    expect(all(phase1, "aws_secretsmanager_secret_version")).toEqual([]);
  });

  it("the six alarms of the phase-1 table, and the log group /accountabilityatlas/prod", () => {
    const alarms: Record<string, Res> = Object.fromEntries(all(phase1, "aws_cloudwatch_metric_alarm").map((a) => [String(a["alarm_name"]), a]));
    expect(Object.keys(alarms).sort()).toEqual(
      [
        "acct-atlas-prod-docker-system-check-recover",
        "acct-atlas-prod-ec2-cpu-high",
        "acct-atlas-prod-ec2-disk-low",
        "acct-atlas-prod-ec2-memory-high",
        "acct-atlas-prod-rds-cpu-high",
        "acct-atlas-prod-sqs-queue-depth",
      ].sort(),
    );
    const row = (name: string) => {
      const a = alarms[name]!;
      return [a["namespace"], a["metric_name"], a["comparison_operator"], a["threshold"], Number(a["period"]) * Number(a["evaluation_periods"])];
    };
    expect(row("acct-atlas-prod-ec2-cpu-high")).toEqual(["AWS/EC2", "CPUUtilization", "GreaterThanThreshold", 70, 600]);
    expect(row("acct-atlas-prod-ec2-memory-high")).toEqual(["CWAgent", "mem_used_percent", "GreaterThanThreshold", 80, 600]);
    expect(row("acct-atlas-prod-ec2-disk-low")).toEqual(["CWAgent", "disk_used_percent", "GreaterThanThreshold", 85, 300]);
    expect(row("acct-atlas-prod-rds-cpu-high")).toEqual(["AWS/RDS", "CPUUtilization", "GreaterThanThreshold", 80, 600]);
    expect(row("acct-atlas-prod-docker-system-check-recover")).toEqual(["AWS/EC2", "StatusCheckFailed_System", "GreaterThanThreshold", 0, 300]);
    expect(String(alarms["acct-atlas-prod-docker-system-check-recover"]!["alarm_actions"])).toContain(":ec2:recover");
    const sqs = alarms["acct-atlas-prod-sqs-queue-depth"]!;
    expect([sqs["comparison_operator"], sqs["threshold"]]).toEqual(["GreaterThanThreshold", 1000]);
    expect(JSON.stringify(sqs["metric_query"])).toContain("ApproximateNumberOfMessagesVisible");
    // Email notification: every alarm notifies the encrypted warning topic.
    for (const a of Object.values(alarms)) expect(String(a["alarm_actions"])).toMatch(/alarms-warning|warning_topic|terraform_remote_state/);
    expect(all(phase1, "aws_sns_topic_subscription").map((s) => [s["protocol"], s["endpoint"]])).toContainEqual(["email", "ops@accountabilityatlas.com"]);
    expect(all(phase1, "aws_cloudwatch_log_group").find((g) => g["name"] === "/accountabilityatlas/prod")).toMatchObject({ retention_in_days: 30 });
    expect(all(phase1, "aws_cloudwatch_dashboard")).toEqual([]);
  });

  it("tags: Project/Environment by the provider, CostCenter and Service on the resources", () => {
    for (const s of phase1) {
      const provider = (s.json.provider as { aws: { default_tags: { tags: Res }[] }[] }).aws[0]!;
      expect(provider.default_tags[0]!.tags).toMatchObject({ Project: "accountabilityatlas", Environment: "prod" });
    }
    const instance = one(stack(phase1, "prod-us-east-1-atlas-services-docker-host"), "aws_instance");
    expect(instance["tags"]).toMatchObject({ CostCenter: "engineering", Service: "docker-host" });
    for (const q of all(phase1, "aws_sqs_queue")) expect(q["tags"]).toMatchObject({ CostCenter: "engineering" });
  });
});

describe("phase 2 (prod): ECS Fargate + ALB + ElastiCache + NAT", () => {
  const p = phases[2];
  const ecs = stack(p, "prod-us-east-1-atlas-services-ecs");
  it("one task per service per the task-definition table, images from ECR, secrets from Secrets Manager, logs to CloudWatch", () => {
    const defs = Object.values(resourcesOfType(ecs.json, "aws_ecs_task_definition"));
    const rows = defs.map((d) => {
      const c = JSON.parse(String(d["container_definitions"]))[0];
      return [c.name, Number(d["cpu"]), Number(d["memory"]), c.portMappings[0].containerPort, c.healthCheck.command.join(" ")];
    });
    expect(rows.map((r) => r.slice(0, 4)).sort()).toEqual(
      [
        ["api-gateway", 512, 1024, 8080],
        ["user-service", 512, 1024, 8081],
        ["video-service", 512, 1024, 8082],
        ["location-service", 512, 1024, 8083],
        ["search-service", 512, 1024, 8084],
        ["moderation-service", 256, 512, 8085],
        ["notification-service", 256, 512, 8086],
        ["web-app", 512, 1024, 3000],
      ].sort(),
    );
    for (const r of rows) expect(r[4]).toContain(r[0] === "web-app" ? "/api/health" : "/actuator/health");
    const user = JSON.parse(String(defs.find((d) => String(d["family"]).endsWith("user-service"))!["container_definitions"]))[0];
    expect(user.image).toMatch(/acct-atlas-user-service.*:1\.0\.0$/);
    expect(user.secrets.map((s: Res) => s["name"]).sort()).toEqual([
      "ADMIN_PASSWORD_HASH",
      "APP_JWT_PRIVATE_KEY",
      "REDIS_PASSWORD",
      "SPRING_DATASOURCE_PASSWORD",
      "SPRING_DATASOURCE_USERNAME",
    ]);
    expect(user.logConfiguration.logDriver).toBe("awslogs");
    for (const s of Object.values(resourcesOfType(ecs.json, "aws_ecs_service"))) expect(s).toMatchObject({ desired_count: 1, launch_type: "FARGATE" });
  });
  it("service discovery: api-gateway reaches the other services by name", () => {
    expect(
      Object.values(resourcesOfType(ecs.json, "aws_service_discovery_service"))
        .map((s) => s["name"])
        .sort(),
    ).toHaveLength(8);
    expect(one(ecs, "aws_service_discovery_private_dns_namespace")).toMatchObject({ name: "atlas.internal" });
    const gw = JSON.parse(
      String(
        Object.values(resourcesOfType(ecs.json, "aws_ecs_task_definition")).find((d) => String(d["family"]).endsWith("api-gateway"))!["container_definitions"],
      ),
    )[0];
    expect(gw.environment).toContainEqual({ name: "USER_SERVICE_URL", value: "http://user-service.atlas.internal:8081" });
  });
  it("ALB: ACM certificate, HTTPS listener, HTTP → HTTPS, /api/* → api-gateway, the rest → web-app", () => {
    const alb = stack(p, "prod-us-east-1-atlas-edge-alb");
    expect(one(alb, "aws_acm_certificate")).toMatchObject({
      domain_name: "accountabilityatlas.com",
      subject_alternative_names: ["www.accountabilityatlas.com", "api.accountabilityatlas.com"],
    });
    const listeners = Object.values(resourcesOfType(alb.json, "aws_lb_listener"));
    expect(listeners.find((l) => l["port"] === 80)!["default_action"]).toMatchObject([
      { type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } },
    ]);
    expect(listeners.find((l) => l["port"] === 443)).toMatchObject({ protocol: "HTTPS" });
    expect(one(alb, "aws_lb_listener_rule")).toMatchObject({ condition: [{ path_pattern: { values: ["/api/*"] } }] });
    expect(Object.values(resourcesOfType(alb.json, "aws_lb_target_group")).map((t) => [t["port"], (t["health_check"] as Res)["path"]])).toEqual([
      [8080, "/actuator/health"],
      [3000, "/api/health"],
    ]);
  });
  it("VPC public/private/data over two AZs with one NAT; Redis cache.t3.medium; RDS db.t3.medium 50 GB; alias records; one dashboard", () => {
    const vpc = stack(p, "prod-us-east-1-atlas-network-vpc");
    expect(
      Object.values(resourcesOfType(vpc.json, "aws_subnet"))
        .map((s) => s["cidr_block"])
        .sort(),
    ).toEqual(["10.0.1.0/24", "10.0.2.0/24", "10.0.10.0/24", "10.0.11.0/24", "10.0.20.0/24", "10.0.21.0/24"].sort());
    expect(all(p, "aws_nat_gateway")).toHaveLength(1);
    expect(one(stack(p, "prod-us-east-1-atlas-data-redis"), "aws_elasticache_replication_group")).toMatchObject({
      node_type: "cache.t3.medium",
      num_cache_clusters: 1,
    });
    expect(one(stack(p, "prod-us-east-1-atlas-data-rds"), "aws_db_instance")).toMatchObject({
      instance_class: "db.t3.medium",
      allocated_storage: 50,
      multi_az: false,
      backup_retention_period: 7,
    });
    const records = Object.values(resourcesOfType(stack(p, "prod-us-east-1-atlas-dns-records").json, "aws_route53_record"));
    expect(records.map((r) => [r["name"], r["type"], r["alias"] ? "alias" : "values"])).toEqual([
      ["accountabilityatlas.com", "A", "alias"],
      ["api.accountabilityatlas.com", "A", "alias"],
      ["www.accountabilityatlas.com", "CNAME", "values"],
    ]);
    expect(all(p, "aws_cloudwatch_dashboard").map((d) => d["dashboard_name"])).toEqual(["acct-atlas-prod-overview"]);
  });
});

describe("phase 3: staging added, 2 tasks, OpenSearch, Multi-AZ, WAF, X-Ray, CloudFront (prod)", () => {
  it("2 tasks per service in staging and prod", () => {
    for (const p of [phases[3], staging[3]]) for (const s of all(p, "aws_ecs_service")) expect(s["desired_count"]).toBe(2);
  });
  it("OpenSearch per the staging/production table: encrypted, fine-grained access, in the VPC", () => {
    for (const [p, env, type, count, size] of [
      [phases[3], "prod", "r6g.large.search", 3, 100],
      [staging[3], "staging", "t3.small.search", 1, 20],
    ] as const) {
      const d = one(stack(p, `${env}-us-east-1-atlas-data-opensearch`), "aws_opensearch_domain");
      expect(d).toMatchObject({
        cluster_config: { instance_type: type, instance_count: count },
        ebs_options: { volume_size: size, volume_type: "gp3" },
        encrypt_at_rest: { enabled: true },
        node_to_node_encryption: { enabled: true },
        advanced_security_options: { enabled: true },
      });
      expect(d["vpc_options"]).toBeDefined();
    }
  });
  it("RDS and Redis per their staging/production tables", () => {
    const prodDb = Object.values(resourcesOfType(stack(phases[3], "prod-us-east-1-atlas-data-rds").json, "aws_db_instance"));
    expect(prodDb.find((d) => d["identifier"] === "acct-atlas-prod")).toMatchObject({
      instance_class: "db.r6g.large",
      allocated_storage: 100,
      multi_az: true,
      backup_retention_period: 30,
      performance_insights_enabled: true,
    });
    expect(prodDb.filter((d) => d["replicate_source_db"] !== undefined)).toHaveLength(1);
    expect(one(stack(staging[3], "staging-us-east-1-atlas-data-rds"), "aws_db_instance")).toMatchObject({
      instance_class: "db.t3.medium",
      allocated_storage: 50,
      multi_az: false,
      backup_retention_period: 7,
      performance_insights_enabled: true,
    });
    expect(one(stack(phases[3], "prod-us-east-1-atlas-data-redis"), "aws_elasticache_replication_group")).toMatchObject({
      node_type: "cache.r6g.large",
      num_cache_clusters: 2,
      multi_az_enabled: true,
      at_rest_encryption_enabled: "true",
      transit_encryption_enabled: true,
    });
    expect(one(stack(staging[3], "staging-us-east-1-atlas-data-redis"), "aws_elasticache_replication_group")).toMatchObject({
      node_type: "cache.t3.medium",
      num_cache_clusters: 1,
    });
  });
  it("WAF on the ALB, X-Ray at 5 %, CloudFront for static assets in prod only, SMS for critical alarms, three dashboards", () => {
    for (const p of [phases[3], staging[3]]) {
      expect(all(p, "aws_wafv2_web_acl_association")).toHaveLength(1);
      expect(all(p, "aws_xray_sampling_rule")).toMatchObject([{ fixed_rate: 0.05 }]);
      expect(all(p, "aws_cloudwatch_dashboard")).toHaveLength(3);
      expect(all(p, "aws_sns_topic_subscription").filter((s) => s["protocol"] === "sms")).toHaveLength(1);
    }
    expect(all(phases[3], "aws_cloudfront_distribution")).toHaveLength(1);
    expect(all(staging[3], "aws_cloudfront_distribution")).toEqual([]);
    const alarms = all(phases[3], "aws_cloudwatch_metric_alarm").map((a) => a["alarm_name"]);
    for (const name of [
      "high-error-rate",
      "high-latency",
      "api-gateway-low-healthy-hosts",
      "web-app-low-healthy-hosts",
      "rds-cpu-high",
      "rds-connections-high",
      "search-cluster-red",
      "sqs-queue-depth",
    ]) {
      expect(alarms).toContain(`acct-atlas-prod-${name}`);
    }
    const conn = all(phases[3], "aws_cloudwatch_metric_alarm").find((a) => a["alarm_name"] === "acct-atlas-prod-rds-connections-high")!;
    expect(conn["threshold"]).toBe(1441);
  });
  it("staging's records: api.staging.<apex> → the staging ALB in its own zone", () => {
    expect(one(stack(staging[3], "staging-us-east-1-atlas-dns-zone"), "aws_route53_zone")).toMatchObject({ name: "staging.accountabilityatlas.com" });
    expect(Object.values(resourcesOfType(stack(staging[3], "staging-us-east-1-atlas-dns-records").json, "aws_route53_record")).map((r) => r["name"])).toEqual([
      "api.staging.accountabilityatlas.com",
    ]);
  });
});

describe("phase 4: auto-scaling, DR in us-west-2, blue/green with CodeDeploy", () => {
  // The primary region's stacks; the DR region's pilot light is asserted in atlas-dr.test.ts.
  const p = phases[4].filter((s) => s.stackName.startsWith("prod-us-east-1-"));
  it("auto-scaling per the per-service table, target 70 % CPU, cooldowns 300/60 (prod only)", () => {
    const targets = Object.fromEntries(
      all(p, "aws_appautoscaling_target").map((t) => [
        /aws_ecs_service\.([a-z-]+?)(?:_service)?_[A-F0-9]{8}/.exec(String(t["resource_id"]))![1],
        [t["min_capacity"], t["max_capacity"]],
      ]),
    );
    expect(targets).toEqual({
      "api-gateway": [2, 10],
      "user-service": [2, 10],
      "video-service": [2, 10],
      "location-service": [2, 10],
      "search-service": [2, 10],
      "moderation-service": [1, 5],
      "notification-service": [1, 5],
      "web-app": [2, 5],
    });
    for (const pol of all(p, "aws_appautoscaling_policy")) {
      expect(pol["target_tracking_scaling_policy_configuration"]).toMatchObject({
        target_value: 70,
        scale_in_cooldown: 300,
        scale_out_cooldown: 60,
        predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
      });
    }
    expect(all(staging[4], "aws_appautoscaling_target")).toEqual([]);
  });
  it("DR: RDS automated backups replicated to us-west-2 for 7 days; S3 replicated to us-west-2; keys there", () => {
    // The ADR 0106 pilot light beside the copies: apps/ops/src/workloads/atlas-dr.test.ts.
    expect(phases[4].map(short).filter((s) => s.startsWith("us-west-2"))).toEqual(DR_STACKS);
    expect(one(stack(p, "prod-us-east-1-atlas-data-rds"), "aws_db_instance_automated_backups_replication")).toMatchObject({
      region: "us-west-2",
      retention_period: 7,
    });
    const replication = all(phases[4], "aws_s3_bucket_replication_configuration");
    expect(replication).toHaveLength(2);
    for (const r of replication) expect(String(JSON.stringify(r))).toContain("cross-stack-reference-input-prod-us-west-2-atlas-data-buckets");
    expect(all(phases[4], "aws_s3_bucket").map((b) => b["bucket"])).toContain("accountabilityatlas-prod-us-west-2-backups");
  });
  it("blue/green: ECSCanary10Percent5Minutes in prod (all-at-once in staging), rollback on failure and alarm, 5-minute termination wait", () => {
    const groups = all(p, "aws_codedeploy_deployment_group");
    expect(groups.map((g) => g["deployment_group_name"]).sort()).toEqual(["acct-atlas-api-gateway", "acct-atlas-web-app"]);
    for (const g of groups) {
      expect(g).toMatchObject({
        deployment_config_name: "CodeDeployDefault.ECSCanary10Percent5Minutes",
        auto_rollback_configuration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
        blue_green_deployment_config: { terminate_blue_instances_on_deployment_success: { action: "TERMINATE", termination_wait_time_in_minutes: 5 } },
        deployment_style: { deployment_type: "BLUE_GREEN", deployment_option: "WITH_TRAFFIC_CONTROL" },
      });
      expect((g["alarm_configuration"] as Res)["enabled"]).toBe(true);
    }
    for (const g of all(staging[4], "aws_codedeploy_deployment_group")) expect(g["deployment_config_name"]).toBe("CodeDeployDefault.ECSAllAtOnce");
    expect(all(p, "aws_lb_target_group")).toHaveLength(4);
  });
});

describe("moving to the next phase only adds or changes what the seed says changes", () => {
  const sets = [addressSet(phase1), addressSet(phases[2]), addressSet(phases[3]), addressSet(phases[4])];
  const diff = (i: number) => {
    const [a, b] = [sets[i]!, sets[i + 1]!];
    const out: Record<string, { removed: string[]; added: string[] }> = {};
    for (const name of new Set([...a.keys(), ...b.keys()])) {
      const before = a.get(name) ?? new Set<string>();
      const after = b.get(name) ?? new Set<string>();
      const removed = [...before].filter((x) => !after.has(x));
      const added = [...after].filter((x) => !before.has(x));
      if (!a.has(name)) out[name] = { removed: [], added: ["<stack>"] };
      else if (!b.has(name)) out[name] = { removed: ["<stack>"], added: [] };
      else if (removed.length || added.length) out[name] = { removed, added };
    }
    return out;
  };
  const remote = (s: string) => `data.terraform_remote_state.cross-stack-reference-input-prod-${s}`;
  /** The probe of a producer's state object that comes with each remote state (docs/fresh-env-plan.md). */
  const probe = (s: string) => `data.aws_s3_objects.cross-stack-state-prod-${s}`;

  it("1 → 2: the EC2 host's stack empties (its apply destroys the host); ECS, ALB, Redis come; the VPC gains its private tier and NAT; DNS and alarms move to the ALB", () => {
    const d = diff(0);
    expect(Object.keys(d).sort()).toEqual(
      [
        // The services' alternating logins (ADR 0145).
        "prod-us-east-1-atlas-data-rds",
        "prod-us-east-1-atlas-data-redis",
        "prod-us-east-1-atlas-dns-records",
        "prod-us-east-1-atlas-edge-alb",
        "prod-us-east-1-atlas-network-vpc",
        "prod-us-east-1-atlas-ops-monitoring",
        // The Redis AUTH token's secret (ADR 0100).
        "prod-us-east-1-atlas-security-secrets",
        "prod-us-east-1-atlas-security-app-deploy",
        "prod-us-east-1-atlas-services-docker-host",
        "prod-us-east-1-atlas-services-ecs",
      ].sort(),
    );
    expect(d["prod-us-east-1-atlas-security-secrets"]!.removed).toEqual([]);
    // The database stays as it is; its stack gains the login function, its secret and rotation (ADR 0145).
    expect(d["prod-us-east-1-atlas-data-rds"]!.removed).toEqual([]);
    expect(d["prod-us-east-1-atlas-data-rds"]!.added.filter((a) => !/app-logins/.test(a) && !a.startsWith("data.aws_iam_policy_document."))).toEqual([
      "aws_vpc_security_group_ingress_rule.rds_ingress-0",
    ]);
    // The app deploy role gains the ECS deploy (it reads the services' roles): no resource changes address.
    expect(d["prod-us-east-1-atlas-security-app-deploy"]).toEqual({
      removed: [],
      added: [probe("us-east-1-atlas-services-ecs"), remote("us-east-1-atlas-services-ecs")],
    });
    // The stack stays (retired): everything phase 1 created there is in its plan as a destroy.
    expect(d["prod-us-east-1-atlas-services-docker-host"]!.added).toEqual([]);
    expect(d["prod-us-east-1-atlas-services-docker-host"]!.removed).toEqual([...sets[0]!.get("prod-us-east-1-atlas-services-docker-host")!]);
    expect(d["prod-us-east-1-atlas-services-docker-host"]!.removed).toContain("aws_instance.host_instance");
    expect(d["prod-us-east-1-atlas-network-vpc"]!.removed).toEqual([]);
    expect(d["prod-us-east-1-atlas-network-vpc"]!.added.sort()).toEqual(
      [
        "aws_eip.vpc_nat-eip-0",
        "aws_nat_gateway.vpc_nat-0",
        "aws_route.vpc_private-nat-0",
        "aws_route_table.vpc_private-rt-0",
        "aws_route_table_association.vpc_private-rta-0",
        "aws_route_table_association.vpc_private-rta-1",
        "aws_route_table_association.vpc_public-rta-1",
        "aws_subnet.vpc_private-subnet-0",
        "aws_subnet.vpc_private-subnet-1",
        "aws_subnet.vpc_public-subnet-1",
      ].sort(),
    );
    // The apex keeps its address (updated in place to the ALB alias); api. is new.
    expect(d["prod-us-east-1-atlas-dns-records"]).toEqual({
      removed: [probe("us-east-1-atlas-services-docker-host"), remote("us-east-1-atlas-services-docker-host")],
      added: ["aws_route53_record.api-alias_a", probe("us-east-1-atlas-edge-alb"), remote("us-east-1-atlas-edge-alb")],
    });
    expect(d["prod-us-east-1-atlas-ops-monitoring"]!.removed.sort()).toEqual(
      [
        "aws_cloudwatch_metric_alarm.ec2-cpu_alarm",
        "aws_cloudwatch_metric_alarm.ec2-disk_alarm",
        "aws_cloudwatch_metric_alarm.ec2-memory_alarm",
        probe("us-east-1-atlas-services-docker-host"),
        remote("us-east-1-atlas-services-docker-host"),
      ].sort(),
    );
  });

  it("2 → 3: OpenSearch, WAF and CloudFront come; RDS gains its read replica; ALB its WAF; apex moves to CloudFront; SMS; X-Ray; dashboards", () => {
    const d = diff(1);
    expect(Object.keys(d).sort()).toEqual(
      [
        "prod-us-east-1-atlas-data-opensearch",
        "prod-us-east-1-atlas-data-rds",
        "prod-us-east-1-atlas-dns-records",
        "prod-us-east-1-atlas-edge-alb",
        "prod-us-east-1-atlas-edge-cdn",
        "prod-us-east-1-atlas-edge-waf",
        "prod-us-east-1-atlas-ops-alerts",
        "prod-us-east-1-atlas-ops-monitoring",
        "prod-us-east-1-atlas-services-ecs",
      ].sort(),
    );
    // Nothing goes: the apex keeps its address (its alias moves from the ALB to CloudFront in place).
    for (const [name, change] of Object.entries(d)) expect(change.removed, name).toEqual([]);
    expect(d["prod-us-east-1-atlas-dns-records"]!.added).toEqual([probe("us-east-1-atlas-edge-cdn"), remote("us-east-1-atlas-edge-cdn")]);
    expect(d["prod-us-east-1-atlas-data-rds"]!.added).toContain("aws_db_instance.rds_replica-1");
    expect(d["prod-us-east-1-atlas-edge-alb"]!.added).toContain("aws_wafv2_web_acl_association.alb_waf");
    expect(d["prod-us-east-1-atlas-services-ecs"]!.added).toContain("aws_xray_sampling_rule.xray-sampling_rule");
  });

  it("3 → 4: only additions — DR stacks, backup/S3/secret replication, green target groups, auto-scaling, CodeDeploy", () => {
    const d = diff(2);
    expect(Object.keys(d).sort()).toEqual(
      [
        "prod-us-east-1-atlas-data-buckets",
        "prod-us-east-1-atlas-data-rds",
        // ADR 0106: api.<domain> becomes a failover pair (its PRIMARY keeps the alias's address).
        "prod-us-east-1-atlas-dns-records",
        "prod-us-east-1-atlas-edge-alb",
        // ADR 0106: the alarms on the standby's readiness probe.
        "prod-us-east-1-atlas-ops-monitoring",
        // ADR 0106: the secrets' replicas read the DR region's data key.
        "prod-us-east-1-atlas-security-secrets",
        "prod-us-east-1-atlas-services-ecs",
        ...DR_STACKS.map((s) => `prod-${s}`),
      ].sort(),
    );
    for (const [name, change] of Object.entries(d)) expect(change.removed, name).toEqual([]);
    expect(d["prod-us-east-1-atlas-edge-alb"]!.added.sort()).toEqual(["aws_lb_target_group.alb_tg-api-green", "aws_lb_target_group.alb_tg-web-green"]);
    expect(d["prod-us-east-1-atlas-ops-monitoring"]!.added.sort()).toEqual([
      "aws_cloudwatch_metric_alarm.dr-images-missing_alarm",
      "aws_cloudwatch_metric_alarm.dr-restore-point-age_alarm",
      "aws_cloudwatch_metric_alarm.dr-secret-replicas-missing_alarm",
    ]);
  });
});

describe("policy pack: every phase passes, every waiver of the workload is used", () => {
  it.each([
    ["prod", 1],
    ["prod", 2],
    ["prod", 3],
    ["prod", 4],
    ["staging", 3],
    ["staging", 4],
  ] as const)("%s at phase %i", (name, phase) => {
    const reports: PolicyReport[] = [];
    synthEnvJson(atlasOnly(name === "prod" ? prodEnv : stagingEnv, phase), {
      root,
      workloads: WORKLOADS,
      policy: { mode: "report", onReport: (r) => reports.push(r) },
    });
    const atlasReports = reports.filter((r) => r.stack.includes("-atlas-"));
    expect(atlasReports.flatMap((r) => r.results.filter((x) => x.status === "failed").map((x) => `${x.rule} ${x.stack}/${x.address}`))).toEqual([]);
    // The workload's own waivers (module-level, conditional on the phase) each waive something where they are attached.
    // (In staging the env's own "*-data-rds" waivers match first: the same relaxation, already in effect.)
    const unused = atlasReports.flatMap((r) =>
      r.unusedWaivers
        .filter((w) => w.address.includes("-atlas-") && !r.results.some((x) => x.status === "waived" && x.rule === w.rule))
        .map((w) => `${w.rule} ${r.stack}`),
    );
    expect(unused).toEqual([]);
  });
});

describe("moving between phases is a plan a user can apply (issue 11 class 14)", () => {
  const inOrder = [phase1, phases[2], phases[3], phases[4]] as const;
  const apexOf = (stacks: StackJson[]) => {
    const records = stack(stacks, "prod-us-east-1-atlas-dns-records").json.resource!["aws_route53_record"]!;
    const found = Object.entries(records).filter(([, r]) => r["name"] === "accountabilityatlas.com");
    expect(found, "one apex record").toHaveLength(1);
    return { address: `aws_route53_record.${found[0]![0]}`, record: found[0]![1] };
  };

  it.each([1, 2, 3] as const)("phase %i → %i+1: the apex record keeps its Terraform address (updated in place, no delete + create race)", (n) => {
    expect(apexOf(inOrder[n]!).address).toBe(apexOf(inOrder[n - 1]!).address);
  });

  it("the apex answers the phase's target: Elastic IP (1), ALB alias (2), CloudFront alias (3, 4)", () => {
    const [one, two, three] = [apexOf(phase1).record, apexOf(phases[2]).record, apexOf(phases[3]).record];
    expect(one).toMatchObject({ type: "A", ttl: 300, records: [expect.stringContaining("atlas-services-docker-host")] });
    expect(two).toMatchObject({ type: "A", alias: { evaluate_target_health: true, name: expect.stringContaining("atlas-edge-alb") } });
    expect(two["records"]).toBeUndefined();
    expect(three).toMatchObject({ type: "A", alias: { evaluate_target_health: false, name: expect.stringContaining("atlas-edge-cdn") } });
  });

  it.each([2, 3, 4] as const)("phase %i: the Docker host's stack stays, empty, on phase 1's state: its plan destroys the host", (n) => {
    const stacks = phases[n];
    const host = stack(stacks, "prod-us-east-1-atlas-services-docker-host");
    expect(resourceAddresses(host.json)).toEqual([]);
    const backend = (s: StackJson) => (s.json.terraform as { backend: { s3: { key: string; bucket: string } } }).backend.s3;
    expect(backend(host)).toEqual(backend(stack(phase1, "prod-us-east-1-atlas-services-docker-host")));
    // Applied after the apex left the host's Elastic IP.
    const order = stacks.map((s) => s.stackName);
    expect(order.indexOf(host.stackName)).toBeGreaterThan(order.indexOf("prod-us-east-1-atlas-dns-records"));
  });

  it("an env that never ran phase 1 (staging starts at 3) has no retired host stack", () => {
    for (const stacks of [staging[3], staging[4]]) expect(stacks.map((s) => s.stackName)).not.toContain("staging-us-east-1-atlas-services-docker-host");
  });
});

describe("the app repositories' GitHub OIDC deploy role, per env (issue 14)", () => {
  type Statement = {
    Sid: string;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
    Principal?: { Federated: string };
  };
  const roleOf = (stacks: StackJson[], env: string) => {
    const s = stack(stacks, `${env}-us-east-1-atlas-security-app-deploy`);
    const role = one(s, "aws_iam_role");
    const trust = (JSON.parse(String(role["assume_role_policy"])) as { Statement: Statement[] }).Statement;
    const statements = (JSON.parse(String(one(s, "aws_iam_role_policy")["policy"])) as { Statement: Statement[] }).Statement;
    const sid = (id: string) => statements.find((x) => x.Sid === id);
    return { s, role, trust, statements, sid };
  };
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

  it("trusts the account's OIDC provider of security/ci-access (never a second one) for repo:<org>/<app-repo>:environment:<env> only", () => {
    for (const [stacks, env] of [
      [phase1, "prod"],
      [phases[4], "prod"],
      [staging[3], "staging"],
    ] as const) {
      const { s, role, trust } = roleOf(stacks, env);
      expect(role).toMatchObject({ name: `acct-atlas-${env}-app-deploy`, max_session_duration: 7200, tags: { CiScope: "application-delivery" } });
      expect(trust).toHaveLength(1);
      expect(trust[0]!.Principal!.Federated).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-[a-z]+-us-east-1-security-ci-access\.outputs\.[\w-]+\}$/,
      );
      expect(trust[0]!.Condition).toEqual({
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": `repo:acme/AccountabilityAtlas:environment:${env}`,
        },
      });
      expect(resourcesOfType(s.json, "aws_iam_openid_connect_provider")).toEqual({});
      expect(s.json.output?.["AWS_DEPLOY_ROLE_ARN"]).toBeDefined();
    }
    for (const stacks of [phase1, phases[2], phases[3], phases[4], staging[3], staging[4]]) expect(all(stacks, "aws_iam_openid_connect_provider")).toEqual([]);
  });

  it("phase 1 (SSH deploys to the host): pushes to exactly the eight repositories, nothing else", () => {
    const { statements, sid } = roleOf(phase1, "prod");
    expect(statements.map((x) => x.Sid)).toEqual(["EcrLogin", "PushImages"]);
    expect(sid("EcrLogin")).toMatchObject({ Action: "ecr:GetAuthorizationToken", Resource: "*" });
    const repos = list(sid("PushImages")!.Resource);
    expect(repos).toHaveLength(8);
    for (const r of repos)
      expect(r).toMatch(/atlas-services-ecr\.outputs\.cross-stack-output-aws_ecr_repositoryacct-atlas-[a-z-]+_repository_[A-F0-9]{8}arn\}$/);
    expect(list(sid("PushImages")!.Action)).toEqual(
      expect.arrayContaining(["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]),
    );
  });

  it("phase 2-3: registers task definitions, passes only the services' task and execution roles to ECS, updates exactly the eight services", () => {
    for (const [stacks, env] of [
      [phases[2], "prod"],
      [staging[3], "staging"],
    ] as const) {
      const { statements, sid } = roleOf(stacks, env);
      expect(statements.map((x) => x.Sid)).toEqual(["EcrLogin", "PushImages", "TaskDefinitions", "PassTaskRoles", "DescribeServices", "RollingDeploys"]);
      const pass = sid("PassTaskRoles")!;
      expect(pass.Action).toBe("iam:PassRole");
      expect(pass.Condition).toEqual({ StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
      const roles = list(pass.Resource);
      expect(roles).toHaveLength(16);
      for (const r of roles) expect(r).toMatch(/atlas-services-ecs\.outputs\.cross-stack-output-aws_iam_role[a-z-]+_(task|execution)-role_[A-F0-9]{8}arn\}$/);
      const services = list(sid("RollingDeploys")!.Resource);
      expect(services).toHaveLength(8);
      const ref = "\\$\\{data\\.terraform_remote_state\\.[\\w-]+-atlas-services-ecs\\.outputs\\.cross-stack-output-";
      for (const r of services)
        expect(r).toMatch(
          new RegExp(
            `^arn:aws:ecs:us-east-1:\\d{12}:service/${ref}aws_ecs_clustercluster_[A-F0-9]{8}name\\}/${ref}aws_ecs_service[a-z-]+(_service)?_[A-F0-9]{8}name\\}$`,
          ),
        );
      expect(sid("RollingDeploys")!.Action).toBe("ecs:UpdateService");
    }
  });

  it("phase 4: the blue/green services deploy only through their CodeDeploy deployment groups; the six internal ones by UpdateService", () => {
    for (const stacks of [phases[4], staging[4]]) {
      const env = stacks === phases[4] ? "prod" : "staging";
      const { sid } = roleOf(stacks, env);
      expect(list(sid("RollingDeploys")!.Resource)).toHaveLength(6);
      expect(list(sid("DescribeServices")!.Resource)).toHaveLength(8);
      const groups = list(sid("BlueGreenDeploys")!.Resource);
      expect(groups).toHaveLength(2);
      const ref = "\\$\\{data\\.terraform_remote_state\\.[\\w-]+-atlas-services-ecs\\.outputs\\.cross-stack-output-";
      for (const g of groups) {
        expect(g).toMatch(
          new RegExp(
            `^arn:aws:codedeploy:us-east-1:\\d{12}:deploymentgroup:${ref}aws_codedeploy_app(api-gateway|web-app)_codedeploy-app_[A-F0-9]{8}name\\}/${ref}aws_codedeploy_deployment_group\\1_codedeploy-group_[A-F0-9]{8}deployment_group_name\\}$`,
          ),
        );
      }
      expect(list(sid("BlueGreenDeploys")!.Action)).toEqual(["codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup"]);
      expect(list(sid("BlueGreenRevisions")!.Resource)).toHaveLength(2);
      expect(sid("BlueGreenConfigs")).toMatchObject({
        Action: "codedeploy:GetDeploymentConfig",
        Resource: expect.stringMatching(/^arn:aws:codedeploy:us-east-1:\d{12}:deploymentconfig:\*$/),
      });
    }
  });

  it('no statement allows a wildcard action, and only the three actions without resource-level permissions use Resource "*"', () => {
    for (const stacks of [phase1, phases[2], phases[4], staging[4]]) {
      const env = stacks === staging[4] ? "staging" : "prod";
      const { statements } = roleOf(stacks, env);
      for (const st of statements) {
        for (const a of list(st.Action)) expect(a, st.Sid).not.toMatch(/\*/);
      }
      const starActions = statements.filter((st) => list(st.Resource).includes("*")).flatMap((st) => list(st.Action));
      expect(starActions.every((a) => ["ecr:GetAuthorizationToken", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"].includes(a))).toBe(true);
    }
  });
});
