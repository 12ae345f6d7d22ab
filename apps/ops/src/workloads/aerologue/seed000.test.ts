import { AEROLOGUE_FUNCTIONS } from "@envs/envcommon";
import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { env as staging } from "@envs/staging";
import type { EnvConfig } from "@infra/config";
import { synthEnvOnce } from "@infra/testing";
import type { StackJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { one, policyDocs, resources, stack } from "./helpers";

/** The ARC-015 table (and the per-env values the brief puts in env.ts), column by column. */
const EXPECT = {
  dev: {
    env: dev,
    logLevel: "debug",
    appLogLevel: "DEBUG",
    rateLimit: "100/min",
    adsb: "mock",
    analytics: "false",
    flags: { crossing_detection: true, greeting_feature: true, vlog_native_upload: true, admin_manual_checkin: true },
    retention: 30,
    domain: "dev.aerologue.app",
    priceClass: "PriceClass_100",
    cacheNodes: 1,
    failover: false,
    aurora: { min_capacity: 0, max_capacity: 16, seconds_until_auto_pause: 300 },
    protect: false,
    adminIps: ["203.0.113.10/32"],
    emails: ["aerologue-dev-alerts@example.com"],
    callbacks: ["https://dev.aerologue.app/auth/callback", "http://localhost:3000/auth/callback"],
    origins: ["https://dev.aerologue.app", "https://www.dev.aerologue.app", "http://localhost:3000"],
  },
  staging: {
    env: staging,
    logLevel: "info",
    appLogLevel: "INFO",
    rateLimit: "500/min",
    adsb: "real",
    analytics: "true",
    flags: { crossing_detection: true, greeting_feature: true, vlog_native_upload: true, admin_manual_checkin: true },
    retention: 30,
    domain: "staging.aerologue.app",
    priceClass: "PriceClass_100",
    cacheNodes: 1,
    failover: false,
    aurora: { min_capacity: 0.5, max_capacity: 16 },
    protect: false,
    adminIps: ["203.0.113.10/32"],
    emails: ["aerologue-staging-alerts@example.com"],
    callbacks: ["https://staging.aerologue.app/auth/callback"],
    origins: ["https://staging.aerologue.app", "https://www.staging.aerologue.app"],
  },
  prod: {
    env: prod,
    logLevel: "warn",
    appLogLevel: "WARN",
    rateLimit: "1000/min",
    adsb: "real",
    analytics: "true",
    flags: { crossing_detection: true, greeting_feature: true, vlog_native_upload: false, admin_manual_checkin: false },
    retention: 90,
    domain: "aerologue.app",
    priceClass: "PriceClass_All",
    cacheNodes: 2,
    failover: true,
    aurora: { min_capacity: 0.5, max_capacity: 16 },
    protect: true,
    adminIps: ["203.0.113.10/32", "198.51.100.20/32"],
    emails: ["aerologue-oncall@example.com"],
    callbacks: ["https://aerologue.app/auth/callback"],
    origins: ["https://aerologue.app", "https://www.aerologue.app"],
  },
} as const;

/** ARC-004's function table: memory, timeout, trigger, reserved concurrency. */
const FUNCTIONS: Record<string, { memory: number; timeout: number; reserved?: number }> = {
  "api-rest-handler": { memory: 512, timeout: 30 },
  "api-ws-connect": { memory: 256, timeout: 10 },
  "api-ws-disconnect": { memory: 256, timeout: 10 },
  "api-ws-message": { memory: 512, timeout: 30 },
  "etl-flight-data": { memory: 1024, timeout: 60, reserved: 10 },
  "etl-airport-data": { memory: 512, timeout: 60 },
  "crossing-detector": { memory: 1024, timeout: 30, reserved: 20 },
  "ws-broadcast": { memory: 512, timeout: 30, reserved: 100 },
  "auth-triggers": { memory: 256, timeout: 10 },
  "scheduled-cleanup": { memory: 256, timeout: 60 },
};

/** ARC-005's twelve tables: keys, GSI partition keys, TTL. */
const TABLES: Record<string, { hash: string; range?: string; gsis: string[]; ttl: boolean }> = {
  user_sessions: { hash: "user_id", range: "session_id", gsis: ["device_id"], ttl: true },
  user_context: { hash: "user_id", gsis: ["flight_id", "airport_icao"], ttl: true },
  flight_crossings: { hash: "user_id", range: "crossing_id", gsis: ["user_flight_id", "crossed_flight_id", "region"], ttl: true },
  crossing_participants: { hash: "crossing_id", range: "user_id", gsis: ["user_id"], ttl: false },
  crossing_messages: { hash: "crossing_id", range: "message_id", gsis: ["to_user_id", "from_user_id"], ttl: true },
  vlog_journeys: { hash: "creator_id", range: "journey_id", gsis: ["visibility#status", "country_code"], ttl: false },
  vlog_stopovers: { hash: "journey_id", range: "stopover_order#stopover_id", gsis: [], ttl: false },
  vlog_pinned_media: { hash: "journey_id#stopover_id", range: "media_order#media_id", gsis: [], ttl: false },
  websocket_connections: { hash: "connection_id", gsis: ["user_id"], ttl: true },
  airport_schedules: { hash: "airport_iata#date", range: "flight_number#time", gsis: [], ttl: true },
  wallet_documents: { hash: "user_id", range: "document_type#document_id", gsis: [], ttl: true },
  admin_audit_log: { hash: "date", range: "timestamp#user_id", gsis: [], ttl: true },
};

const synthCache = new Map<string, StackJson[]>();
function synth(env: EnvConfig): StackJson[] {
  if (!synthCache.has(env.name)) synthCache.set(env.name, synthEnvOnce(env));
  return synthCache.get(env.name)!;
}

describe.each(Object.entries(EXPECT))("aerologue in %s (seed 000)", (name, x) => {
  const stacks = () => synth(x.env);
  const s = (layer: string) => stack(stacks(), `${name}-us-east-1-aerologue-${layer}`);

  it("has one stack per layer/module, only in us-east-1, tagged Project aerologue", () => {
    const mine = stacks().filter((st) => st.stackName.includes("-aerologue-"));
    expect(mine.map((st) => st.stackName).sort()).toEqual(
      [
        "auth-cognito",
        "compute-api",
        "compute-functions",
        "data-aurora",
        "data-cache",
        "data-dynamodb",
        "data-storage",
        "data-timestream",
        "edge-cdn",
        "edge-dns",
        "network-vpc",
        "ops-monitoring",
        "security-kms",
        "security-secrets",
      ].map((m) => `${name}-us-east-1-aerologue-${m}`),
    );
    for (const st of mine) {
      const aws = (st.json.provider as { aws: { region: string; allowed_account_ids: string[]; default_tags: { tags: Record<string, string> }[] }[] }).aws[0]!;
      expect(aws.region).toBe("us-east-1");
      expect(aws.allowed_account_ids).toEqual([x.env.accountId]);
      expect(aws.default_tags[0]!.tags).toMatchObject({ Project: "aerologue", Environment: name, Workload: "aerologue" });
    }
  });

  it("ARC-003: VPC 10.0.0.0/16, subnets 10.0.1-2 / 10.0.10-11 / 10.0.20-21 over two AZs, one NAT", () => {
    const net = s("network-vpc");
    expect(resources(net, "aws_vpc").map((v) => v["cidr_block"])).toEqual(["10.0.0.0/16"]);
    const subnets = resources(net, "aws_subnet")
      .map((r) => `${r["cidr_block"]}@${r["availability_zone"]}`)
      .sort();
    expect(subnets).toEqual([
      "10.0.1.0/24@us-east-1a",
      "10.0.10.0/24@us-east-1a",
      "10.0.11.0/24@us-east-1b",
      "10.0.2.0/24@us-east-1b",
      "10.0.20.0/24@us-east-1a",
      "10.0.21.0/24@us-east-1b",
    ]);
    expect(resources(net, "aws_nat_gateway")).toHaveLength(1);
    expect(resources(net, "aws_flow_log")).toHaveLength(1);
    expect(one(net, "aws_cloudwatch_log_group", "name", `/aws/vpc-flow-log/aerologue-${name}-us-east-1`)["retention_in_days"]).toBe(x.retention);
    // Isolated subnets: their route table has no route out.
    expect(resources(net, "aws_route").every((r) => !String(r["route_table_id"]).includes("database"))).toBe(true);
  });

  it("ARC-003: sg-alb, sg-lambda, sg-admin with exactly the seed's rules", () => {
    const net = s("network-vpc");
    expect(
      resources(net, "aws_security_group")
        .map((g) => g["name"])
        .sort(),
    ).toEqual(["alb", "admin", "lambda"].map((g) => `aerologue-${name}-us-east-1-sg-${g}`).sort());
    const ingress = resources(net, "aws_vpc_security_group_ingress_rule").map(
      (r) => `${r.__name.split("-ingress")[0]} ${r["ip_protocol"]} ${r["from_port"]}-${r["to_port"]} ${r["cidr_ipv4"]}`,
    );
    expect(ingress.sort()).toEqual([...x.adminIps.map((ip) => `sg-admin tcp 443-443 ${ip}`), "sg-alb tcp 443-443 0.0.0.0/0"].sort());
    const egress = resources(net, "aws_vpc_security_group_egress_rule").map((r) => `${r.__name.split("-egress")[0]} ${r["ip_protocol"]} ${r["cidr_ipv4"]}`);
    expect(egress.sort()).toEqual(["sg-admin -1 0.0.0.0/0", "sg-alb -1 10.0.0.0/16", "sg-lambda -1 0.0.0.0/0"]);
  });

  it("ARC-003: sg-aurora (5432) and sg-elasticache (6379) admit sg-lambda only, no egress", () => {
    for (const [layer, port] of [
      ["data-aurora", 5432],
      ["data-cache", 6379],
    ] as const) {
      const st = s(layer);
      const rules = resources(st, "aws_vpc_security_group_ingress_rule");
      expect(rules).toHaveLength(1);
      expect(rules[0]).toMatchObject({ from_port: port, to_port: port, ip_protocol: "tcp" });
      expect(String(rules[0]!["referenced_security_group_id"])).toContain("aws_security_groupsg-lambda");
      expect(resources(st, "aws_vpc_security_group_egress_rule")).toHaveLength(0);
    }
  });

  it("ARC-004: ten functions, arm64, with the seed's memory/timeout/concurrency, in private subnets with sg-lambda, traced", () => {
    const fns = s("compute-functions");
    const all = resources(fns, "aws_lambda_function");
    expect(all.map((f) => f["function_name"]).sort()).toEqual(
      Object.keys(FUNCTIONS)
        .map((f) => `aerologue-${name}-${f}`)
        .sort(),
    );
    for (const [fn, spec] of Object.entries(FUNCTIONS)) {
      const f = one(fns, "aws_lambda_function", "function_name", `aerologue-${name}-${fn}`);
      expect(f).toMatchObject({
        runtime: "nodejs24.x",
        architectures: ["arm64"],
        memory_size: spec.memory,
        timeout: spec.timeout,
        tracing_config: { mode: "Active" },
      });
      expect(f["reserved_concurrent_executions"]).toBe(spec.reserved);
      const vpc = f["vpc_config"] as { subnet_ids: string; security_group_ids: string[] };
      expect(JSON.stringify(vpc.subnet_ids)).toContain("private-subnet-0");
      expect(JSON.stringify(vpc.subnet_ids)).toContain("private-subnet-1");
      expect(vpc.security_group_ids[0]).toContain("aws_security_groupsg-lambda");
      expect((f["layers"] as string[]).length).toBeGreaterThanOrEqual(2);
      expect(f["s3_bucket"]).toBe(`aerologue-${name}-artifacts-${x.env.accountId}`);
      expect(f["s3_key"]).toBe(`lambda/${fn}.zip`);
    }
  });

  it("ARC-015: every function gets ENVIRONMENT, LOG_LEVEL, API_RATE_LIMIT, ADSB_PROVIDER, ENABLE_ANALYTICS of this env", () => {
    for (const f of resources(s("compute-functions"), "aws_lambda_function")) {
      const vars = (f["environment"] as { variables: Record<string, string> }).variables;
      expect(vars).toMatchObject({
        ENVIRONMENT: name,
        LOG_LEVEL: x.logLevel,
        API_RATE_LIMIT: x.rateLimit,
        ADSB_PROVIDER: x.adsb,
        ENABLE_ANALYTICS: x.analytics,
      });
      expect((f["logging_config"] as { application_log_level: string }).application_log_level).toBe(x.appLogLevel);
    }
  });

  it("ARC-010: a log group per function with the env's retention (30 days MVP, 90 prod)", () => {
    const groups = resources(s("compute-functions"), "aws_cloudwatch_log_group");
    for (const fn of Object.keys(FUNCTIONS)) {
      expect(one(s("compute-functions"), "aws_cloudwatch_log_group", "name", `/aws/lambda/aerologue-${name}-${fn}`)["retention_in_days"]).toBe(x.retention);
    }
    expect(groups.every((g) => g["retention_in_days"] === x.retention && g["kms_key_id"])).toBe(true);
  });

  it("ARC-004: the three layers, arm64", () => {
    const layers = resources(s("compute-functions"), "aws_lambda_layer_version");
    expect(layers.map((l) => l["layer_name"]).sort()).toEqual(["aws-sdk-optimized", "common-utils", "geo-utils"].map((l) => `aerologue-${name}-${l}`));
    for (const l of layers) expect(l["compatible_architectures"]).toEqual(["arm64"]);
  });

  it("ARC-004 triggers: 10 s loops for etl-flight-data and crossing-detector, 1 h and daily schedules, SQS for ws-broadcast", () => {
    const fns = s("compute-functions");
    const machines = resources(fns, "aws_sfn_state_machine");
    expect(machines.map((m) => m["name"]).sort()).toEqual([`aerologue-${name}-us-east-1-crossing-detector`, `aerologue-${name}-us-east-1-etl-flight-data`]);
    for (const m of machines) {
      expect(m["type"]).toBe("EXPRESS");
      expect(String(m["definition"])).toContain('"Seconds":10');
      // checkov CKV_AWS_285 (C-2): failed ticks logged with their data to a CMK-encrypted vended-logs group; X-Ray on.
      expect(m["logging_configuration"]).toMatchObject({
        level: "ERROR",
        include_execution_data: true,
        log_destination: expect.stringMatching(/aws_cloudwatch_log_group\.[\w-]+\.arn\}:\*$/),
      });
      expect(m["tracing_configuration"]).toEqual({ enabled: true });
    }
    for (const fn of ["crossing-detector", "etl-flight-data"]) {
      const group = one(fns, "aws_cloudwatch_log_group", "name", `/aws/vendedlogs/states/aerologue-${name}-us-east-1-${fn}`);
      expect(group).toMatchObject({ retention_in_days: x.retention });
      expect(group["kms_key_id"]).toBeTruthy();
    }
    const schedules = Object.fromEntries(resources(fns, "aws_scheduler_schedule").map((r) => [r["name"], r["schedule_expression"]]));
    expect(schedules).toEqual({
      [`aerologue-${name}-us-east-1-etl-flight-data`]: "rate(1 minute)",
      [`aerologue-${name}-us-east-1-crossing-detector`]: "rate(1 minute)",
      [`aerologue-${name}-us-east-1-etl-airport-data`]: "rate(1 hour)",
      [`aerologue-${name}-us-east-1-scheduled-cleanup`]: "rate(1 day)",
    });
    const mapping = resources(fns, "aws_lambda_event_source_mapping");
    expect(mapping).toHaveLength(1);
    expect(String(mapping[0]!["function_name"])).toContain("ws-broadcast");
    expect(String(mapping[0]!["event_source_arn"])).toContain("broadcast-queue");
  });

  it("ARC-010: X-Ray sampling rule at 5 %", () => {
    const [rule] = resources(s("compute-functions"), "aws_xray_sampling_rule");
    expect(rule).toMatchObject({ fixed_rate: 0.05, rule_name: `aerologue-${name}-default` });
  });

  it("ARC-009: least privilege: table grants name exact table ARNs, never *", () => {
    const docs = policyDocs(s("compute-functions"));
    const dynamo = docs.flatMap((d) =>
      ((d["statement"] ?? []) as { actions: string[]; resources: string[] }[]).filter((st) => st.actions.some((a) => a.startsWith("dynamodb:"))),
    );
    // One table grant per function, plus one for each function that reads or writes flight positions.
    const positions = Object.values(AEROLOGUE_FUNCTIONS).filter((f) => f.access.timestream !== "none").length;
    expect(positions).toBe(3);
    expect(dynamo.length).toBe(Object.keys(FUNCTIONS).length + positions);
    for (const st of dynamo) for (const r of st.resources) expect(r).toMatch(new RegExp(`^arn:aws:dynamodb:us-east-1:${x.env.accountId}:table/\\$\\{`));
    const wildcard = docs.flatMap((d) =>
      ((d["statement"] ?? []) as { actions: string[]; resources: string[] }[]).filter((st) => (st.resources ?? []).includes("*")),
    );
    for (const st of wildcard) expect(st.actions.every((a) => /^(xray:|ec2:(Create|Describe)|timestream:DescribeEndpoints|logs:)/.test(a))).toBe(true);
  });

  it("ARC-005 time series (flight positions, 7 days): a DynamoDB table any account can create, never Timestream for LiveAnalytics by default (ADR 0012)", () => {
    const ts = s("data-timestream");
    expect(Object.keys(ts.json.resource ?? {}).filter((t) => t.startsWith("aws_timestream"))).toEqual([]);
    const [table] = resources(ts, "aws_dynamodb_table");
    expect(table).toMatchObject({
      name: `aerologue-${name}-flights-flight-positions`,
      hash_key: "aircraft_id",
      range_key: "observed_at",
      billing_mode: "PAY_PER_REQUEST",
      ttl: { attribute_name: "expires_at", enabled: true },
      point_in_time_recovery: { enabled: true, recovery_period_in_days: 7 },
      global_secondary_index: [expect.objectContaining({ name: "by-minute", hash_key: "minute", range_key: "observed_at" })],
    });
    expect((table!["tags"] as Record<string, string>)["TtlDays"]).toBe("7");
    expect((table!["tags"] as Record<string, string>)["Dimensions"]).toBe("aircraft_id callsign registration");
    const fns = s("compute-functions");
    const env = resources(fns, "aws_lambda_function").map((f) => (f["environment"] as { variables: Record<string, string> }).variables);
    expect(env.every((v) => v["POSITIONS_STORE"] === "dynamodb" && String(v["POSITIONS_TABLE"]).includes("aws_dynamodb_tablepositions"))).toBe(true);
  });

  it("ARC-005 Aurora: PostgreSQL 15 Serverless v2, writer + reader in two AZs, isolated subnets, KMS, 7-day backups", () => {
    const db = s("data-aurora");
    const [cluster] = resources(db, "aws_rds_cluster");
    expect(cluster).toMatchObject({
      engine: "aurora-postgresql",
      engine_version: "15.10",
      storage_encrypted: true,
      backup_retention_period: 7,
      deletion_protection: x.protect,
    });
    expect(cluster!["serverlessv2_scaling_configuration"]).toEqual(x.aurora);
    expect(String(cluster!["db_subnet_group_name"])).toContain("db-subnet-group");
    const instances = resources(db, "aws_rds_cluster_instance");
    expect(instances.map((i) => i["instance_class"])).toEqual(["db.serverless", "db.serverless"]);
    expect(instances.map((i) => i["availability_zone"])).toEqual(["us-east-1a", "us-east-1b"]);
    expect(instances.map((i) => i["promotion_tier"])).toEqual([0, 1]);
    expect(instances).toHaveLength(2);
    expect(new Set(instances.map((i) => i["availability_zone"])).size).toBe(2);
  });

  it("ARC-005 extensions: PostGIS and pg_trgm created on apply through the Data API by a function the repo owns (ADR 0125)", () => {
    const db = s("data-aurora");
    const [cluster] = resources(db, "aws_rds_cluster");
    expect(cluster!["enable_http_endpoint"]).toBe(true);
    const fn = one(db, "aws_lambda_function", "function_name", `aerologue-${name}-us-east-1-aurora-extensions`);
    expect(fn).toMatchObject({
      runtime: "nodejs24.x",
      handler: "index.handler",
      package_type: "Zip",
      reserved_concurrent_executions: 1,
      timeout: 300,
      tracing_config: { mode: "Active" },
    });
    // The retry budget the handler reads (2 minutes for a resuming cluster or fresh IAM policies), CMK-encrypted.
    expect(fn["environment"]).toEqual({ variables: { ATTEMPTS: "24", PAUSE_MS: "5000" } });
    expect(String(fn["kms_key_arn"])).toContain("compute_key");
    expect(String(fn["filename"])).toMatch(/^assets\/extensions_code_[0-9A-F]+\/[0-9a-f]{16}\/code\.zip$/);
    expect(fn["s3_bucket"]).toBeUndefined();
    expect(String((fn["vpc_config"] as Record<string, unknown>)["subnet_ids"])).toContain("private");

    const [invocation] = resources(db, "aws_lambda_invocation");
    expect(invocation!["function_name"]).toBe(`\${aws_lambda_function.${fn.__name}.function_name}`);
    const input = JSON.parse(String(invocation!["input"])) as Record<string, unknown>;
    expect(input).toEqual({
      resourceArn: `\${aws_rds_cluster.${cluster!.__name}.arn}`,
      secretArn: expect.stringContaining("aerologue-db-aurora"),
      database: "aerologue",
      statements: ["CREATE EXTENSION IF NOT EXISTS postgis;", "CREATE EXTENSION IF NOT EXISTS pg_trgm;"],
    });
    // First apply: the writer instance, the secret version with the password and host, and the role's policies come first.
    const after = invocation!["depends_on"] as string[];
    const writer = resources(db, "aws_rds_cluster_instance").find((i) => i["promotion_tier"] === 0)!;
    expect(after).toContain(`aws_rds_cluster_instance.${writer.__name}`);
    expect(after.some((d) => /^aws_secretsmanager_secret_version\.aurora_master-credentials_connection_/.test(d))).toBe(true);
    const grants = resources(db, "aws_iam_role_policy").filter((p) => p.__name.startsWith("extensions_function_"));
    expect(grants.map((g) => g["name"]).sort()).toEqual(expect.arrayContaining(["DecryptMasterSecret", "ExecuteStatements", "ReadMasterSecret"]));
    for (const g of grants) expect(after).toContain(`aws_iam_role_policy.${g.__name}`);

    // Least privilege: the cluster, the master secret, its key only through Secrets Manager.
    const statement = (sid: string) => {
      const doc = policyDocs(db).find((d) => d.__name.startsWith(`extensions_function_grant-${sid}-document`))!;
      return (doc["statement"] as Record<string, unknown>[])[0]!;
    };
    expect(statement("ExecuteStatements")).toMatchObject({ actions: ["rds-data:ExecuteStatement"], resources: [`\${aws_rds_cluster.${cluster!.__name}.arn}`] });
    expect(statement("ReadMasterSecret")).toMatchObject({ actions: ["secretsmanager:GetSecretValue"], resources: [input["secretArn"]] });
    expect(statement("DecryptMasterSecret")).toMatchObject({
      actions: ["kms:Decrypt"],
      resources: [expect.stringContaining("data_key")],
      condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] }],
    });
  });

  it("ARC-009: aerologue/db/aurora is rotated every 90 days by the rotation function", () => {
    const [rotation] = resources(s("data-aurora"), "aws_secretsmanager_secret_rotation");
    expect(rotation!["rotation_rules"]).toEqual({ automatically_after_days: 90 });
    expect(String(rotation!["secret_id"])).toContain("aerologue-db-aurora");
    expect(resources(s("data-aurora"), "aws_serverlessapplicationrepository_cloudformation_stack")[0]!["application_id"]).toContain(
      "SecretsManagerRDSPostgreSQLRotationSingleUser",
    );
  });

  it("ARC-005 DynamoDB: the twelve tables with exactly their keys, GSIs and TTL, on-demand, PITR 35 days, CMK", () => {
    const ddb = s("data-dynamodb");
    for (const [table, spec] of Object.entries(TABLES)) {
      const t = one(ddb, "aws_dynamodb_table", "name", `aerologue-${name}-${table}`);
      expect(t["hash_key"]).toBe(spec.hash);
      expect(t["range_key"]).toBe(spec.range);
      expect((t["global_secondary_index"] as { hash_key: string }[]).map((g) => g.hash_key)).toEqual(spec.gsis);
      expect(t["ttl"]).toEqual(spec.ttl ? { attribute_name: "expires_at", enabled: true } : undefined);
      expect(t).toMatchObject({
        billing_mode: "PAY_PER_REQUEST",
        point_in_time_recovery: { enabled: true, recovery_period_in_days: 35 },
        deletion_protection_enabled: x.protect,
      });
      expect((t["server_side_encryption"] as { enabled: boolean; kms_key_arn: string }).enabled).toBe(true);
    }
    expect(resources(ddb, "aws_dynamodb_table")).toHaveLength(13);
  });

  it("ARC-015: the config table holds the four feature flags of this env", () => {
    const items = resources(s("data-dynamodb"), "aws_dynamodb_table_item").map(
      (i) => JSON.parse(String(i["item"])) as { flag: { S: string }; enabled: { BOOL: boolean }; environment: { S: string } },
    );
    expect(Object.fromEntries(items.map((i) => [i.flag.S, i.enabled.BOOL]))).toEqual(x.flags);
    expect(items.every((i) => i.environment.S === name)).toBe(true);
  });

  it("ARC-005 ElastiCache: cache.t4g.micro, nodes and failover per env, encrypted at rest and in transit, IAM auth", () => {
    const [rg] = resources(s("data-cache"), "aws_elasticache_replication_group");
    expect(rg).toMatchObject({
      node_type: "cache.t4g.micro",
      engine: "redis",
      num_cache_clusters: x.cacheNodes,
      automatic_failover_enabled: x.failover,
      at_rest_encryption_enabled: "true",
      transit_encryption_enabled: true,
    });
    expect(rg!["kms_key_id"]).toBeTruthy();
    expect(
      resources(s("data-cache"), "aws_elasticache_user").some((u) => u["authentication_mode"] && JSON.stringify(u["authentication_mode"]).includes("iam")),
    ).toBe(true);
  });

  it("ARC-005/ARC-013 S3: four buckets, lifecycle per the seed, versioning with 30-day noncurrent expiry, public access blocked", () => {
    const st = s("data-storage");
    const cdn = s("edge-cdn");
    const buckets = [...resources(st, "aws_s3_bucket"), ...resources(cdn, "aws_s3_bucket")].map((b) => b["bucket"]);
    expect(buckets.sort()).toEqual(
      ["data-archive", "logs", "user-content"]
        .map((b) => `aerologue-${name}-us-east-1-${b}`)
        .concat(`aerologue-${name}-static-assets`)
        .sort(),
    );
    const rules = (b: string) =>
      resources(st, "aws_s3_bucket_lifecycle_configuration").find((l) => l.__name.startsWith(`${b}_`))!["rule"] as {
        id: string;
        transition?: unknown[];
        expiration?: unknown;
        noncurrent_version_expiration?: unknown;
      }[];
    expect(rules("user-content").find((r) => r.id === "seed-lifecycle")!.transition).toEqual([{ days: 90, storage_class: "STANDARD_IA" }]);
    expect(rules("data-archive").find((r) => r.id === "seed-lifecycle")!.transition).toEqual([{ days: 30, storage_class: "GLACIER" }]);
    expect(rules("logs").find((r) => r.id === "seed-lifecycle")!.expiration).toEqual([{ days: 90 }]);
    for (const b of ["user-content", "data-archive", "logs"]) expect(JSON.stringify(rules(b))).toContain('"noncurrent_days":30');
    for (const stk of [st, cdn]) {
      for (const v of resources(stk, "aws_s3_bucket_versioning")) expect(v["versioning_configuration"]).toEqual({ status: "Enabled" });
      for (const p of resources(stk, "aws_s3_bucket_public_access_block"))
        expect(p).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    }
  });

  it("ARC-006 HTTP API: the nine prefixes x GET/POST/PUT/DELETE + health to api-rest-handler, JWT on all but health, CORS answered by API Gateway, 1000 rps / 2000 burst, access logs, stage per env", () => {
    const api = s("compute-api");
    const http = one(api, "aws_apigatewayv2_api", "protocol_type", "HTTP");
    expect(http["name"]).toBe(`aerologue-${name}-rest-api`);
    expect(http["disable_execute_api_endpoint"]).toBe(true);
    expect(http["cors_configuration"]).toMatchObject({
      allow_origins: x.origins,
      allow_methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
      allow_headers: ["Authorization", "Content-Type"],
    });
    // Exact origins only: API Gateway matches no partial wildcard.
    for (const o of (http["cors_configuration"] as { allow_origins: string[] }).allow_origins) expect(o).not.toContain("*");
    const routes = resources(api, "aws_apigatewayv2_route").filter((r) => String(r["api_id"]).includes("http-api"));
    const prefixes = ["flights", "airports", "crossings", "greetings", "games", "users", "vlogs", "wallet", "leaderboards"];
    const keys = prefixes.flatMap((p) => ["GET", "POST", "PUT", "DELETE"].map((m) => `${m} /api/v1/${p}/{proxy+}`)).concat("GET /api/v1/health");
    expect(routes.map((r) => r["route_key"]).sort()).toEqual(keys.sort());
    // Preflight: no OPTIONS, ANY or $default route can catch it, so API Gateway answers it from cors_configuration without the authorizer.
    expect(routes.filter((r) => /^(OPTIONS|ANY) |^\$default$/.test(String(r["route_key"])))).toEqual([]);
    for (const r of routes) expect(r["authorization_type"]).toBe(r["route_key"] === "GET /api/v1/health" ? "NONE" : "JWT");
    const [authorizer] = resources(api, "aws_apigatewayv2_authorizer");
    expect(authorizer).toMatchObject({ authorizer_type: "JWT", identity_sources: ["$request.header.Authorization"] });
    expect(JSON.stringify(authorizer!["jwt_configuration"])).toContain("aerologue-auth-cognito");
    const integrations = resources(api, "aws_apigatewayv2_integration").filter((i) => String(i["api_id"]).includes("http-api"));
    expect(integrations).toHaveLength(1);
    expect(String(integrations[0]!["integration_uri"])).toContain("api-rest-handler");
    const stage = resources(api, "aws_apigatewayv2_stage").find((st) => String(st["api_id"]).includes("http-api"))!;
    expect(stage).toMatchObject({ name: name, default_route_settings: { throttling_rate_limit: 1000, throttling_burst_limit: 2000 } });
    expect((stage["access_log_settings"] as { destination_arn: string }).destination_arn).toContain("access-logs");
  });

  it("ARC-006 WebSocket API: $connect/$disconnect/$default to their functions; ws-broadcast may ManageConnections", () => {
    const api = s("compute-api");
    expect(one(api, "aws_apigatewayv2_api", "protocol_type", "WEBSOCKET")["name"]).toBe(`aerologue-${name}-ws-api`);
    const routes = resources(api, "aws_apigatewayv2_route").filter((r) => String(r["api_id"]).includes("ws-api"));
    expect(routes.map((r) => r["route_key"]).sort()).toEqual(["$connect", "$default", "$disconnect"]);
    const uris = resources(api, "aws_apigatewayv2_integration")
      .filter((i) => String(i["api_id"]).includes("ws-api"))
      .map((i) => String(i["integration_uri"]));
    for (const fn of ["api-ws-connect", "api-ws-disconnect", "api-ws-message"]) expect(uris.some((u) => u.includes(fn))).toBe(true);
    const doc = policyDocs(api).find((d) => d.__name.startsWith("manage-connections"))!;
    expect(doc["statement"]).toEqual([
      {
        sid: "ManageWebSocketConnections",
        effect: "Allow",
        actions: ["execute-api:ManageConnections"],
        resources: [
          expect.stringMatching(
            /^\$\{aws_apigatewayv2_api\.ws-api_\w+\.execution_arn\}\/\$\{aws_apigatewayv2_stage\.ws-api_stage_\w+\.name\}\/POST\/@connections\/\*$/,
          ),
        ],
      },
    ]);
    expect(String(one(api, "aws_iam_role_policy", "name", "ManageWebSocketConnections")["role"])).toContain("ws-broadcast");
  });

  it("ARC-007 Cognito: password policy, optional TOTP MFA, attributes, Apple + Google from Secrets Manager, three triggers, app client", () => {
    const auth = s("auth-cognito");
    const [pool] = resources(auth, "aws_cognito_user_pool");
    expect(pool!["password_policy"]).toMatchObject({
      minimum_length: 8,
      require_uppercase: true,
      require_lowercase: true,
      require_numbers: true,
      require_symbols: false,
    });
    expect(pool).toMatchObject({ mfa_configuration: "OPTIONAL", software_token_mfa_configuration: { enabled: true }, auto_verified_attributes: ["email"] });
    const schema = JSON.stringify(pool!["schema"]);
    for (const attr of ['"name":"nationality"', '"name":"language"', '"name":"email"']) expect(schema).toContain(attr);
    const triggers = pool!["lambda_config"] as Record<string, unknown>;
    for (const t of ["pre_sign_up", "post_confirmation"]) expect(String(triggers[t])).toContain("auth-triggers");
    expect(JSON.stringify(triggers)).toContain("pre_token_generation");
    expect(
      resources(auth, "aws_cognito_identity_provider")
        .map((p) => p["provider_name"])
        .sort(),
    ).toEqual(["Google", "SignInWithApple"]);
    const secretReads = Object.values(auth.json.data?.["aws_secretsmanager_secret_version"] ?? {}).map((d) => String((d as { secret_id: string }).secret_id));
    expect(secretReads.some((id) => id.includes("aerologue-oauth-apple")) && secretReads.some((id) => id.includes("aerologue-oauth-google"))).toBe(true);
    const [client] = resources(auth, "aws_cognito_user_pool_client");
    expect(client).toMatchObject({
      allowed_oauth_flows: ["code", "implicit"],
      allowed_oauth_scopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
      access_token_validity: 1,
      id_token_validity: 1,
      refresh_token_validity: 30,
      callback_urls: x.callbacks,
      generate_secret: false,
    });
    expect((client!["token_validity_units"] as unknown[])[0]).toMatchObject({ access_token: "hours", id_token: "hours", refresh_token: "days" });
  });

  it("ARC-008 CloudFront: origins, five behaviours with the seed's caching, compression, OAC, price class, ACM in us-east-1, Route 53", () => {
    const cdn = s("edge-cdn");
    const d = one(cdn, "aws_cloudfront_distribution", "comment", `aerologue-${name}-cdn`);
    expect(d!["price_class"]).toBe(x.priceClass);
    expect(d!["aliases"]).toEqual([x.domain, `www.${x.domain}`]);
    const origins = d!["origin"] as { origin_id: string; domain_name: string; origin_access_control_id?: string }[];
    expect(origins.map((o) => o.origin_id).sort()).toEqual(["api", "static-assets", "tiles", "websocket"]);
    // The API Gateway origin names, not api./ws. (now CloudFront aliases themselves: no CloudFront -> CloudFront hop).
    expect(origins.find((o) => o.origin_id === "api")!.domain_name).toBe(`origin-api.${x.domain}`);
    expect(origins.find((o) => o.origin_id === "websocket")!.domain_name).toBe(`origin-ws.${x.domain}`);
    for (const o of origins.filter((o) => o.origin_id === "static-assets" || o.origin_id === "tiles")) expect(o.origin_access_control_id).toBeTruthy();
    const behaviours = d!["ordered_cache_behavior"] as { path_pattern: string; cache_policy_id: string; compress: boolean }[];
    expect(behaviours.map((b) => b.path_pattern)).toEqual(["/api/*", "/ws/*", "/tiles/*", "/static/*"]);
    const disabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    expect(behaviours[0]!.cache_policy_id).toBe(disabled);
    expect(behaviours[1]!.cache_policy_id).toBe(disabled);
    const ttl = Object.fromEntries(resources(cdn, "aws_cloudfront_cache_policy").map((p) => [String(p["name"]).split("-cdn-")[1], p["default_ttl"]]));
    expect(ttl).toEqual({ tiles: 2592000, static: 31536000, default: 3600 });
    expect([...behaviours, d!["default_cache_behavior"] as { compress: boolean }].every((b) => b.compress)).toBe(true);
    const cert = one(cdn, "aws_acm_certificate", "domain_name", x.domain);
    expect(cert["subject_alternative_names"]).toEqual([`www.${x.domain}`]);
    expect(
      resources(cdn, "aws_route53_record")
        .filter((r) => r["alias"])
        .map((r) => `${r["name"]} ${r["type"]}`)
        .sort(),
    ).toEqual(
      [
        `${x.domain} A`,
        `${x.domain} AAAA`,
        `www.${x.domain} A`,
        `www.${x.domain} AAAA`,
        `api.${x.domain} A`,
        `api.${x.domain} AAAA`,
        `ws.${x.domain} A`,
        `ws.${x.domain} AAAA`,
      ].sort(),
    );
    expect(resources(s("edge-dns"), "aws_route53_zone")[0]!["name"]).toBe(x.domain);
  });

  it("ARC-009 WAF: CLOUDFRONT scope, common, known bad inputs, SQLi, 2000/5 min per IP, no geo block, bot control challenge, logging", () => {
    const cdn = s("edge-cdn");
    const [acl] = resources(cdn, "aws_wafv2_web_acl");
    expect(acl!["scope"]).toBe("CLOUDFRONT");
    const rules = acl!["rule"] as { name: string; statement: Record<string, unknown> }[];
    const text = JSON.stringify(rules);
    for (const g of ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesBotControlRuleSet"])
      expect(text).toContain(g);
    expect(text).toContain('"limit":2000');
    expect(text).toContain('"evaluation_window_sec":300');
    expect(text).not.toContain("geo_match_statement");
    expect(text).toContain('"challenge":{}');
    expect(rules).toHaveLength(5);
    // Bot Control leaves the native apps' API and WebSocket paths alone (HTTP-library agents, no browser challenge).
    const bot = rules.find((r) => r.name === "AWSManagedRulesBotControlRuleSet")!.statement["managed_rule_group_statement"] as {
      scope_down_statement: unknown;
    };
    // "/ws" without a slash: the WebSocket URL is wss://ws.<domain>/ws.
    expect(JSON.stringify(bot.scope_down_statement)).toMatch(
      /^\{"not_statement":\{"statement":\[\{"or_statement".*"search_string":"\/api\/".*"search_string":"\/ws"/,
    );
    expect(resources(cdn, "aws_wafv2_web_acl_logging_configuration")).toHaveLength(1);
    // The app, api. and ws. distributions all sit behind this one web ACL.
    const acl_ = resources(cdn, "aws_wafv2_web_acl").map((a) => a.__name)[0]!;
    expect(resources(cdn, "aws_cloudfront_distribution").map((dist) => dist["web_acl_id"])).toEqual(Array(3).fill(`\${aws_wafv2_web_acl.${acl_}.arn}`));
  });

  it("ARC-009: the six secrets under aerologue/ (and the CloudFront origin-verify value), CMK-encrypted, no values in code", () => {
    const sec = s("security-secrets");
    expect(
      resources(sec, "aws_secretsmanager_secret")
        .map((r) => r["name"])
        .sort(),
    ).toEqual([
      "aerologue/api/adsb-exchange",
      "aerologue/api/aerodatabox",
      "aerologue/api/airlabs",
      "aerologue/db/aurora",
      "aerologue/edge/origin-verify",
      "aerologue/oauth/apple",
      "aerologue/oauth/google",
    ]);
    for (const r of resources(sec, "aws_secretsmanager_secret")) expect(r["kms_key_id"]).toBeTruthy();
    expect(resources(sec, "aws_secretsmanager_secret_version")).toHaveLength(0);
  });

  it("ARC-010 alarms: 5xx > 5 % / 5 min, p99 > 2 s, Lambda errors > 10 / 5 min, Aurora CPU > 80 % / 10 min, any throttle, WS > 80 % of 100,000 → SNS email", () => {
    const mon = s("ops-monitoring");
    const alarms = Object.fromEntries(resources(mon, "aws_cloudwatch_metric_alarm").map((a) => [String(a["alarm_name"]).replace(`aerologue-${name}-`, ""), a]));
    expect(alarms["api-5xx-rate"]).toMatchObject({ threshold: 5, evaluation_periods: 1, comparison_operator: "GreaterThanThreshold" });
    expect(JSON.stringify(alarms["api-5xx-rate"]!["metric_query"])).toContain('"period":300');
    expect(alarms["api-latency-p99"]).toMatchObject({ threshold: 2000, extended_statistic: "p99", period: 300, evaluation_periods: 1 });
    for (const fn of Object.keys(FUNCTIONS))
      expect(alarms[`lambda-errors-${fn}`]).toMatchObject({ threshold: 10, period: 300, statistic: "Sum", evaluation_periods: 1 });
    expect(alarms["aurora-cpu"]).toMatchObject({ threshold: 80, period: 300, evaluation_periods: 2, metric_name: "CPUUtilization" });
    // DynamoDB throttles on the dimensions AWS publishes: Read/WriteThrottleEvents per TableName, and per
    // TableName + GlobalSecondaryIndexName for each index (ThrottledRequests exists only per Operation).
    for (const t of [...Object.keys(TABLES), "config"]) {
      const alarm = alarms[`dynamodb-throttles-${t}`]!;
      expect(alarm).toMatchObject({ threshold: 0, comparison_operator: "GreaterThanThreshold", evaluation_periods: 1, treat_missing_data: "notBreaching" });
      expect(alarm["metric_name"]).toBeUndefined();
      type Q = {
        id: string;
        expression?: string;
        return_data: boolean;
        metric?: { metric_name: string; namespace: string; dimensions: Record<string, string>; stat: string; period: number };
      };
      const queries = alarm["metric_query"] as Q[];
      const metrics = queries.filter((q) => q.metric).map((q) => q.metric!);
      const gsis = TABLES[t]?.gsis.length ?? 0;
      expect(metrics).toHaveLength(2 + 2 * gsis);
      expect(metrics.length).toBeLessThanOrEqual(10);
      for (const m of metrics) {
        expect(m).toMatchObject({ namespace: "AWS/DynamoDB", stat: "Sum", period: 300 });
        expect(["ReadThrottleEvents", "WriteThrottleEvents"]).toContain(m.metric_name);
        expect(m.dimensions["TableName"]).toMatch(new RegExp(`aws_dynamodb_table\\.?${t.replace(/_/g, "-")}_table_\\w+\\.?name`));
        expect(Object.keys(m.dimensions).sort()).toEqual(m.dimensions["GlobalSecondaryIndexName"] ? ["GlobalSecondaryIndexName", "TableName"] : ["TableName"]);
      }
      expect(metrics.filter((m) => m.dimensions["GlobalSecondaryIndexName"]).map((m) => m.dimensions["GlobalSecondaryIndexName"])).toHaveLength(2 * gsis);
      const total = queries.find((q) => q.return_data)!;
      expect(total.expression).toBe("SUM(FILL(METRICS(), 0))");
    }
    expect(alarms["websocket-connections"]).toMatchObject({ threshold: 80000, namespace: "Aerologue", metric_name: "ActiveWebSocketConnections" });
    for (const a of Object.values(alarms)) expect(String((a["alarm_actions"] as string[])[0])).toContain("aws_sns_topic");
    expect(resources(mon, "aws_sns_topic_subscription").map((r) => `${r["protocol"]} ${r["endpoint"]}`)).toEqual(x.emails.map((e) => `email ${e}`));
  });
});
