import { WORKLOADS } from "@envs/envcommon";
import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { root } from "@envs/root";
import { env as staging } from "@envs/staging";
import { resolveEnv } from "@infra/config";
import { evaluate } from "@infra/policy";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { timelineOnly, allOfType as all, oneOfType as one, timelineStack as stack, timelineStacksOf as stacksOf } from "./timeline-env";

type Res = Record<string, unknown>;

const CASES = [
  {
    env: dev,
    budget: 300,
    replicas: 0,
    multiAz: false,
    shards: 1,
    replicasPerShard: 1,
    nodeType: "cache.t4g.micro",
    dbClass: "db.t4g.micro",
    logDays: 7,
    sampling: 1,
    deletionProtection: false,
    backupsExpire: 365,
  },
  {
    env: staging,
    budget: 800,
    replicas: 1,
    multiAz: false,
    shards: 1,
    replicasPerShard: 1,
    nodeType: "cache.t4g.small",
    dbClass: "db.t4g.small",
    logDays: 14,
    sampling: 0.2,
    deletionProtection: false,
    backupsExpire: 365,
  },
  {
    env: prod,
    budget: 4000,
    replicas: 2,
    multiAz: true,
    shards: 2,
    replicasPerShard: 2,
    nodeType: "cache.r7g.large",
    dbClass: "db.r6g.large",
    logDays: 30,
    sampling: 0.05,
    deletionProtection: true,
    backupsExpire: 2555,
  },
] as const;

const nameOf = (json: StackJson["json"], type: string, match: (r: Res) => boolean): string =>
  Object.entries(resourcesOfType(json, type)).find(([, r]) => match(r))![0];
const tag = (r: Res, key: string) => (r["tags"] as Record<string, string> | undefined)?.[key];

describe.each(CASES)("timeline in $env.name", (c) => {
  const env = c.env;
  const r = "us-east-1";

  it("has the timeline stacks, each with its own state key", () => {
    const names = stacksOf(env)
      .filter((s) => s.stackName.includes("-timeline-") && s.stackName.startsWith(`${env.name}-${r}-`))
      .map((s) => s.stackName);
    expect(names.sort()).toEqual(
      [
        "compute-app",
        "compute-ecr",
        "data-elasticache",
        "data-rds",
        "dns-zone",
        "edge-cdn",
        "network-vpc",
        "ops-governance",
        "ops-monitoring",
        "security-kms",
        "storage-s3",
      ].map((d) => `${env.name}-${r}-timeline-${d}`),
    );
    const backend = (stack(env, r, "data-rds").terraform as { backend: { s3: { key: string } } }).backend.s3;
    expect(backend.key).toBe(`${env.name}/${r}/timeline-data/rds/terraform.tfstate`);
  });

  it("VPC 10.60.0.0/16 with public, private and database subnets in three AZs, and flow logs", () => {
    const json = stack(env, r, "network-vpc");
    expect(one(json, "aws_vpc")).toMatchObject({ cidr_block: "10.60.0.0/16" });
    const subnets = all(json, "aws_subnet");
    for (const [tier, base] of [
      ["public", 1],
      ["private", 11],
      ["database", 21],
    ] as const) {
      const ofTier = subnets.filter((s) => tag(s, "Tier") === tier);
      expect(ofTier.map((s) => [s["availability_zone"], s["cidr_block"]])).toEqual(
        ["a", "b", "c"].map((az, i) => [`us-east-1${az}`, `10.60.${base + i}.0/24`]),
      );
    }
    expect(subnets.every((s) => s["map_public_ip_on_launch"] === false)).toBe(true);
    // Seed 002 asks for flow logs in every env (seed 004's platform keeps them prod-only).
    expect(one(json, "aws_flow_log")).toMatchObject({ traffic_type: "ALL", log_destination_type: "cloud-watch-logs" });
    expect(one(json, "aws_cloudwatch_log_group", (g) => String(g["name"]).startsWith("/aws/vpc-flow-log/"))).toMatchObject({
      name: `/aws/vpc-flow-log/${env.name}-us-east-1-timeline`,
      retention_in_days: 30,
      kms_key_id: expect.stringContaining("logs_key"),
    });
  });

  it("a network ACL per tier, with explicit numbered rules (database tier: data ports from private subnets only)", () => {
    const json = stack(env, r, "network-vpc");
    const acls = Object.entries(resourcesOfType(json, "aws_network_acl"));
    expect(acls.map(([, a]) => tag(a, "Tier")).sort()).toEqual(["database", "private", "public"]);
    const dbAcl = acls.find(([, a]) => tag(a, "Tier") === "database")!;
    expect((dbAcl[1]["subnet_ids"] as string[]).length).toBe(3);
    const rules = all(json, "aws_network_acl_rule").filter((x) => x["network_acl_id"] === `\${aws_network_acl.${dbAcl[0]}.id}`);
    const ingress = rules
      .filter((x) => x["egress"] === false)
      .map((x) => `${x["rule_number"]} ${x["protocol"]} ${x["from_port"]}-${x["to_port"]} ${x["cidr_block"]}`);
    expect(ingress).toEqual([
      "100 tcp 5432-5432 10.60.11.0/24",
      "101 tcp 5432-5432 10.60.12.0/24",
      "102 tcp 5432-5432 10.60.13.0/24",
      "200 tcp 6379-6379 10.60.11.0/24",
      "201 tcp 6379-6379 10.60.12.0/24",
      "202 tcp 6379-6379 10.60.13.0/24",
      "300 tcp 1024-65535 10.60.21.0/24",
      "301 tcp 1024-65535 10.60.22.0/24",
      "302 tcp 1024-65535 10.60.23.0/24",
    ]);
    expect(rules.every((x) => x["rule_action"] === "allow")).toBe(true);
    expect(all(json, "aws_network_acl_rule").some((x) => x["cidr_block"] === "0.0.0.0/0" && x["protocol"] === "-1")).toBe(false);
  });

  it("security groups: the app tier takes only the load balancers; the data tier only the app tier", () => {
    const net = stack(env, r, "network-vpc");
    const alb = nameOf(net, "aws_security_group", (g) => g["name"] === `${env.name}-us-east-1-timeline-alb`);
    const app = nameOf(net, "aws_security_group", (g) => g["name"] === `${env.name}-us-east-1-timeline-app`);
    const ingress = all(net, "aws_vpc_security_group_ingress_rule");
    expect(ingress.filter((i) => i["security_group_id"] === `\${aws_security_group.${app}.id}`)).toEqual([
      expect.objectContaining({ referenced_security_group_id: `\${aws_security_group.${alb}.id}`, from_port: 8080, to_port: 8080 }),
    ]);
    expect(
      ingress
        .filter((i) => i["cidr_ipv4"] === "0.0.0.0/0")
        .map((i) => i["from_port"])
        .sort(),
    ).toEqual([443, 80]);
    const rds = stack(env, r, "data-rds");
    // The app tier, and (with replicas) the password rotation function next to the database.
    const dbIngress = all(rds, "aws_vpc_security_group_ingress_rule");
    expect(dbIngress.filter((i) => i["description"] !== "the master password rotation function")).toEqual([
      expect.objectContaining({ from_port: 5432, referenced_security_group_id: expect.stringContaining(`aws_security_groupapp-sg`) }),
    ]);
    expect(dbIngress).toHaveLength(c.replicas > 0 ? 2 : 1);
    expect(one(stack(env, r, "data-elasticache"), "aws_vpc_security_group_ingress_rule")).toMatchObject({
      from_port: 6379,
      referenced_security_group_id: expect.stringContaining(`aws_security_groupapp-sg`),
    });
  });

  it(`RDS PostgreSQL: ${c.dbClass}, Multi-AZ ${c.multiAz}, 30-day backups, encrypted, TLS only, ${c.replicas} read replica(s)`, () => {
    const json = stack(env, r, "data-rds");
    const primary = one(json, "aws_db_instance", (d) => d["identifier"] === `${env.name}-us-east-1-timeline`);
    expect(primary).toMatchObject({
      engine: "postgres",
      engine_version: "16",
      instance_class: c.dbClass,
      multi_az: c.multiAz,
      backup_retention_period: 30,
      storage_encrypted: true,
      publicly_accessible: false,
      deletion_protection: c.deletionProtection,
      db_name: "timeline",
    });
    // A source of replicas keeps its password in a rotated secret (RDS refuses replicas of a managed one; ADR 0011).
    if (c.replicas > 0) {
      expect(primary["manage_master_user_password"]).toBeUndefined();
      expect(String(primary["password_wo"])).toMatch(/ephemeral\.aws_secretsmanager_secret_version\./);
      expect(one(json, "aws_secretsmanager_secret")).toMatchObject({ name: `${env.name}-us-east-1-timeline/master-credentials` });
    } else {
      expect(primary["manage_master_user_password"]).toBe(true);
    }
    expect(one(json, "aws_db_parameter_group")["parameter"]).toContainEqual(expect.objectContaining({ name: "rds.force_ssl", value: "1" }));
    const replicas = all(json, "aws_db_instance").filter((d) => d["replicate_source_db"] !== undefined);
    expect(replicas.map((d) => d["identifier"])).toEqual(Array.from({ length: c.replicas }, (_, i) => `${env.name}-us-east-1-timeline-replica-${i + 1}`));
    expect(replicas.every((d) => String(d["replicate_source_db"]).includes("rds_instance_") && d["backup_retention_period"] === 30)).toBe(true);
    // prod replicas carry their own standby: no single-AZ copy in prod's read path.
    expect(replicas.every((d) => d["multi_az"] === c.multiAz)).toBe(true);
    // The application reads through db-reader (spread over replicas) and writes through db-writer.
    const records = all(json, "aws_route53_record");
    expect(records.find((x) => x["name"] === `db-writer.${env.name}.timeline.internal`)).toMatchObject({
      type: "CNAME",
      ttl: 60,
      lifecycle: { ignore_changes: ["records"] },
    });
    expect(records.filter((x) => x["name"] === `db-reader.${env.name}.timeline.internal`)).toHaveLength(Math.max(1, c.replicas));
  });

  it(`ElastiCache Redis in cluster mode: ${c.shards} shard(s) x ${c.replicasPerShard} replica(s), encrypted, TLS required`, () => {
    const json = stack(env, r, "data-elasticache");
    expect(one(json, "aws_elasticache_replication_group")).toMatchObject({
      engine: "redis",
      engine_version: "7.1",
      node_type: c.nodeType,
      cluster_mode: "enabled",
      num_node_groups: c.shards,
      replicas_per_node_group: c.replicasPerShard,
      automatic_failover_enabled: true,
      multi_az_enabled: true,
      at_rest_encryption_enabled: "true",
      transit_encryption_mode: "required",
      kms_key_id: expect.stringContaining("data_key"),
    });
    expect(one(json, "aws_elasticache_parameter_group")["parameter"]).toEqual([
      { name: "cluster-enabled", value: "yes" },
      { name: "maxmemory-policy", value: "volatile-lru" },
    ]);
    expect(one(json, "aws_elasticache_subnet_group")["subnet_ids"]).toEqual(expect.arrayContaining([expect.stringContaining("database-subnet")]));
  });

  it("S3: a private assets bucket readable only by its CloudFront distribution, a private backup bucket; versioning and archival lifecycles", () => {
    const cdn = stack(env, r, "edge-cdn");
    expect(
      all(cdn, "aws_s3_bucket")
        .map((b) => b["bucket"])
        .sort(),
    ).toEqual(["assets", "edge-logs"].map((p) => `${env.name}-us-east-1-timeline-${p}-${env.accountId}`));
    const assets = nameOf(cdn, "aws_s3_bucket", (b) => String(b["bucket"]).includes("-assets-"));
    expect(one(cdn, "aws_s3_bucket_public_access_block", (p) => p["bucket"] === `\${aws_s3_bucket.${assets}.id}`)).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(one(cdn, "aws_s3_bucket_versioning", (v) => v["bucket"] === `\${aws_s3_bucket.${assets}.id}`)).toMatchObject({
      versioning_configuration: { status: "Enabled" },
    });
    const policy = Object.values((cdn.data as Record<string, Record<string, Res>>)["aws_iam_policy_document"]!).find((d) =>
      JSON.stringify(d).includes("CloudFrontRead"),
    )!;
    const dist = nameOf(cdn, "aws_cloudfront_distribution", () => true);
    expect((policy["statement"] as Res[]).find((s) => s["sid"] === "CloudFrontRead")).toMatchObject({
      principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
      actions: ["s3:GetObject"],
      condition: [{ test: "StringEquals", variable: "AWS:SourceArn", values: [`\${aws_cloudfront_distribution.${dist}.arn}`] }],
    });

    const storage = stack(env, r, "storage-s3");
    const backups = nameOf(storage, "aws_s3_bucket", (b) => b["bucket"] === `${env.name}-us-east-1-timeline-backups-${env.accountId}`);
    expect(one(storage, "aws_s3_bucket_versioning", (v) => v["bucket"] === `\${aws_s3_bucket.${backups}.id}`)).toMatchObject({
      versioning_configuration: { status: "Enabled" },
    });
    const lifecycle = one(storage, "aws_s3_bucket_lifecycle_configuration", (l) => l["bucket"] === `\${aws_s3_bucket.${backups}.id}`);
    expect((lifecycle["rule"] as Res[]).find((x) => x["id"] === "archive")).toMatchObject({
      transition: [
        { days: 30, storage_class: "STANDARD_IA" },
        { days: 90, storage_class: "GLACIER" },
        { days: 180, storage_class: "DEEP_ARCHIVE" },
      ],
      expiration: [{ days: c.backupsExpire }],
    });
    expect(one(storage, "aws_s3_bucket_server_side_encryption_configuration", (e) => e["bucket"] === `\${aws_s3_bucket.${backups}.id}`)["rule"]).toEqual([
      expect.objectContaining({ bucket_key_enabled: true, apply_server_side_encryption_by_default: expect.objectContaining({ sse_algorithm: "aws:kms" }) }),
    ]);
  });

  it("CloudFront: the assets bucket through origin access control, HTTPS only, a CLOUDFRONT-scope WAF ACL, access logs", () => {
    const json = stack(env, r, "edge-cdn");
    const acl = nameOf(json, "aws_wafv2_web_acl", () => true);
    expect(one(json, "aws_wafv2_web_acl")).toMatchObject({ scope: "CLOUDFRONT" });
    const dist = one(json, "aws_cloudfront_distribution");
    expect(dist).toMatchObject({
      enabled: true,
      web_acl_id: `\${aws_wafv2_web_acl.${acl}.arn}`,
      default_root_object: "index.html",
      default_cache_behavior: expect.objectContaining({ viewer_protocol_policy: "redirect-to-https" }),
      logging_config: expect.objectContaining({
        prefix: "cloudfront/",
        bucket: expect.stringMatching(/^\$\{aws_s3_bucket\.edge-logs_bucket_[0-9A-F]+\.bucket\}\.s3\.amazonaws\.com$/),
      }),
    });
    expect((dist["origin"] as Res[])[0]).toMatchObject({ origin_access_control_id: expect.stringContaining("aws_cloudfront_origin_access_control.") });
  });

  it(`monitoring: alarms to an encrypted SNS topic, ${c.logDays}-day application logs, X-Ray sampling ${c.sampling}`, () => {
    const json = stack(env, r, "ops-monitoring");
    const topic = nameOf(json, "aws_sns_topic", () => true);
    expect(one(json, "aws_sns_topic")).toMatchObject({
      name: `${env.name}-us-east-1-timeline-alerts`,
      kms_master_key_id: expect.stringContaining("alerts_key"),
    });
    const alarms = all(json, "aws_cloudwatch_metric_alarm");
    expect(alarms.every((a) => (a["alarm_actions"] as string[]).includes(`\${aws_sns_topic.${topic}.arn}`))).toBe(true);
    const names = alarms.map((a) => String(a["alarm_name"]).replace(`${env.name}-us-east-1-timeline-`, "")).sort();
    expect(names).toEqual(
      [
        "cdn-5xx-rate-high",
        "rds-cpu-high",
        "rds-free-storage-low",
        ...Array.from({ length: c.replicas }, (_, i) => [
          `rds-replica-${i + 1}-cpu-high`,
          `rds-replica-${i + 1}-free-storage-low`,
          `rds-replica-${i + 1}-lag-high`,
        ]).flat(),
        ...Array.from({ length: c.shards }, (_, s) =>
          Array.from({ length: c.replicasPerShard + 1 }, (_, n) => {
            const node = `${String(s + 1).padStart(4, "0")}-${String(n + 1).padStart(3, "0")}`;
            return [`redis-${node}-engine-cpu-high`, `redis-${node}-memory-high`];
          }).flat(),
        ).flat(),
      ].sort(),
    );
    expect(one(json, "aws_db_event_subscription")).toMatchObject({
      sns_topic: `\${aws_sns_topic.${topic}.arn}`,
      event_categories: ["availability", "failover", "failure", "low storage", "read replica"],
    });
    // With read replicas the master secret is ours (rotated-secret) and our function rotates it: a failed rotation
    // reaches the topic (ADR 0150). Without, RDS manages the password and its rotation.
    const rotationFailed = all(json, "aws_cloudwatch_event_rule")
      .map((rule) => JSON.parse(String(rule["event_pattern"])) as { detail: { eventName?: string[]; additionalEventData?: { SecretId: string[] } } })
      .filter((p) => p.detail.eventName?.[0] === "RotationFailed");
    expect(rotationFailed.map((p) => p.detail.additionalEventData!.SecretId)).toEqual(
      c.replicas > 0 ? [[expect.stringMatching(/output-aws_secretsmanager_secret.*master-secret.*arn\}$/)]] : [],
    );
    if (c.replicas > 0) expect(one(json, "aws_cloudwatch_event_target")).toMatchObject({ arn: `\${aws_sns_topic.${topic}.arn}` });
    expect(one(json, "aws_cloudwatch_log_group", (g) => g["name"] === `/timeline/${env.name}/application`)).toMatchObject({
      retention_in_days: c.logDays,
      kms_key_id: expect.stringContaining("logs_key"),
    });
    expect(one(json, "aws_xray_sampling_rule")).toMatchObject({ fixed_rate: c.sampling, reservoir_size: 1, service_name: "timeline-api" });
    expect(one(json, "aws_xray_group")).toMatchObject({
      filter_expression: 'service("timeline-api")',
      insights_configuration: { insights_enabled: true, notifications_enabled: true },
    });
  });

  it(`AWS Config recorder with managed rules, and a ${c.budget} USD monthly budget on the workload's Project tag`, () => {
    const json = stack(env, r, "ops-governance");
    expect(one(json, "aws_config_configuration_recorder")).toMatchObject({ recording_group: { all_supported: true, include_global_resource_types: true } });
    expect(one(json, "aws_config_delivery_channel")).toMatchObject({ s3_bucket_name: expect.stringContaining("aws_s3_bucket.config-history") });
    const rules = all(json, "aws_config_config_rule").map((x) => (x["source"] as { source_identifier: string }).source_identifier);
    expect(rules).toEqual(
      expect.arrayContaining([
        "VPC_FLOW_LOGS_ENABLED",
        "RDS_STORAGE_ENCRYPTED",
        "DB_INSTANCE_BACKUP_ENABLED",
        "ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK",
        "S3_BUCKET_VERSIONING_ENABLED",
      ]),
    );
    expect(one(json, "aws_budgets_budget")).toMatchObject({
      name: `timeline-${env.name}-monthly`,
      limit_amount: String(c.budget),
      time_unit: "MONTHLY",
      cost_filter: [{ name: "TagKeyValue", values: ["user:Project$acme-timeline"] }],
    });
  });

  it("every timeline stack passes the policy pack with only the waivers written in config", () => {
    const resolved = resolveEnv(root, timelineOnly(env), WORKLOADS);
    for (const d of resolved.deployments.filter((x) => x.workload === "timeline")) {
      const report = evaluate(stacksOf(env).find((s) => s.deploymentId === d.id)!.json as never, {
        stack: d.stackName,
        today: "2026-01-15",
        waivers: [...resolved.waivers, ...d.waivers].map((w) => ({ ...w })),
      });
      expect(report.results.filter((x) => x.status === "failed").map((x) => `${x.rule} ${x.stack}/${x.address}`)).toEqual([]);
    }
  });
});

describe("timeline DR in prod us-west-2", () => {
  const r = "us-west-2";

  it("has its own VPC 10.61.0.0/16 with flow logs and NACLs, associated with the primary's private zone", () => {
    const json = stack(prod, r, "network-vpc");
    expect(one(json, "aws_vpc")).toMatchObject({ cidr_block: "10.61.0.0/16" });
    expect(all(json, "aws_network_acl")).toHaveLength(3);
    expect(all(json, "aws_flow_log")).toHaveLength(1);
    const zone = one(stack(prod, "us-east-1", "network-vpc"), "aws_route53_zone");
    expect(zone).toMatchObject({ name: "prod.timeline.internal" });
    expect((zone["vpc"] as Res[]).map((v) => v["vpc_region"] ?? "local")).toEqual(["local", "us-west-2"]);
    expect(String((zone["vpc"] as Res[])[1]!["vpc_id"])).toContain("prod-us-west-2-timeline-network-vpc");
  });

  it("a cross-region read replica of the primary database, encrypted with the DR region's key", () => {
    const json = stack(prod, r, "data-rds");
    expect(one(json, "aws_db_instance")).toMatchObject({
      identifier: "prod-us-west-2-timeline",
      replicate_source_db: expect.stringMatching(/cross-stack-reference-input-prod-us-east-1-timeline-data-rds\.outputs\..*rds_instance_.*arn\}$/),
      kms_key_id: expect.stringContaining("prod-us-west-2-timeline-security-kms"),
      backup_retention_period: 30,
      multi_az: true,
    });
    const monitoring = stack(prod, r, "ops-monitoring");
    expect(one(monitoring, "aws_cloudwatch_metric_alarm", (a) => a["metric_name"] === "ReplicaLag")).toMatchObject({
      threshold: 300,
      alarm_name: "prod-us-west-2-timeline-rds-dr-replica-lag-high",
    });
  });

  it("S3 replication of the backup and asset buckets from us-east-1 into DR buckets", () => {
    const primary = stack(prod, "us-east-1", "storage-s3");
    const cdn = stack(prod, "us-east-1", "edge-cdn");
    for (const [json, purpose] of [
      [primary, "backups"],
      [cdn, "assets"],
    ] as const) {
      const config = one(json, "aws_s3_bucket_replication_configuration");
      const rule = (config["rule"] as Res[])[0]!;
      expect(rule).toMatchObject({ status: "Enabled", delete_marker_replication: { status: "Enabled" } });
      expect(String((rule["destination"] as Res)["bucket"])).toContain("prod-us-west-2-timeline-storage-s3");
      expect(one(json, "aws_iam_role", (x) => String(x["name"]).includes("replication"))["name"]).toBe(`prod-us-east-1-timeline-${purpose}-replication`);
    }
    const dr = stack(prod, r, "storage-s3");
    expect(
      all(dr, "aws_s3_bucket")
        .map((b) => b["bucket"])
        .sort(),
    ).toEqual(["access-logs", "assets", "backups"].map((p) => `prod-us-west-2-timeline-${p}-444444444444`));
  });

  it("AWS Config records regional resources only in DR, and the budget exists once (primary)", () => {
    expect(one(stack(prod, r, "ops-governance"), "aws_config_configuration_recorder")).toMatchObject({
      recording_group: { include_global_resource_types: false },
    });
    expect(all(stack(prod, r, "ops-governance"), "aws_budgets_budget")).toEqual([]);
  });

  it("dev and staging have no DR region for the timeline", () => {
    for (const env of [dev, staging]) expect(stacksOf(env).filter((s) => s.stackName.includes("-timeline-") && !s.stackName.includes("us-east-1"))).toEqual([]);
  });
});
