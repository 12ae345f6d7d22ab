import { WORKLOADS } from "@envs/envcommon";
import { env as prod } from "@envs/prod";
import { root } from "@envs/root";
import { env as staging } from "@envs/staging";
import { ConfigError, type EnvConfig, resolveEnv } from "@infra/config";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, synthEnvJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { CODEDEPLOY_LAMBDA_POLICY_ARN, CUR2_COLUMNS, DATA_LAKE_EVENTS, HEALTH_PATH, REST_ROUTES, WEBSOCKET_ROUTES } from "@infra/milequest";
import { JOB_FUNCTIONS, REST_FUNCTIONS, SEED_COST_BASELINE, WEBSOCKET_FUNCTIONS } from "@infra/milequest-inputs";
import { COGNITO_ADDRESSES_BEFORE_LIBRARY, WS_ADDRESSES_BEFORE_LIBRARY } from "./milequest-library-moves.fixture";
import { REST_ADDRESSES_BEFORE_LIBRARY, REST_ADDRESSES_REMOVED } from "./milequest-rest-moves.fixture";

type Resource = Record<string, unknown>;
const mine = (stacks: StackJson[]) => stacks.filter((s) => s.stackName.includes("-milequest-"));
const stagingStacks = mine(synthEnvOnce(staging));
const prodStacks = mine(synthEnvOnce(prod));

function stackOf(stacks: StackJson[], name: string): StackJson["json"] {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; have ${stacks.map((s) => s.stackName).join(", ")}`);
  return found.json;
}
/** The stack's `moved` blocks are exactly `before`, each to an address of the same type that exists, from one that no longer does. */
function expectMovedFrom(json: StackJson["json"], before: readonly string[]): void {
  const moved = ((json as { moved?: { from: string; to: string }[] }).moved ?? []).map((m) => [m.from, m.to] as const);
  const addresses = new Set(Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
  expect(moved.map(([from]) => from).sort()).toEqual([...before].sort());
  for (const [from, to] of moved) {
    expect(addresses.has(to), `${from} -> ${to}`).toBe(true);
    expect(addresses.has(from), from).toBe(false);
    expect(to.split(".")[0]).toBe(from.split(".")[0]);
  }
}
function all(json: StackJson["json"], type: string): Resource[] {
  return Object.values(json.resource?.[type] ?? {}) as Resource[];
}
function one(json: StackJson["json"], type: string): Resource {
  const list = all(json, type);
  expect(list, type).toHaveLength(1);
  return list[0]!;
}
const remote = (stack: string) => new RegExp(`terraform_remote_state\\.cross-stack-reference-input-${stack}\\.`);

const COMMON = [
  "security-kms",
  "network-vpc",
  "data-s3",
  "data-aurora",
  "integration-messaging",
  "api-rest",
  "api-websocket",
  "compute-jobs",
  "ops-monitoring",
  "ops-deploy",
];
const PRIMARY_ONLY = [
  "security-secrets",
  "security-cognito",
  "data-cache",
  "data-dynamodb",
  "data-analytics",
  "edge-dns",
  "edge-waf",
  "edge-cdn",
  "edge-routing",
  "web-amplify",
  "ops-budget",
];

describe.each([
  ["staging", stagingStacks],
  ["prod", prodStacks],
] as const)("Mile Quest in %s us-east-1 (seed 003)", (env, stacks) => {
  const s = (name: string) => stackOf(stacks, `${env}-us-east-1-milequest-${name}`);
  const domain = env === "prod" ? "mile-quest.com" : "staging.mile-quest.com";

  it("deploys one stack per module in the primary region", () => {
    const names = stacks.filter((x) => x.stackName.startsWith(`${env}-us-east-1-`)).map((x) => x.stackName.replace(`${env}-us-east-1-milequest-`, ""));
    expect(names.sort()).toEqual([...COMMON, ...PRIMARY_ONLY].sort());
  });

  it("Edge: Route 53 zone of the env's domain with query logs and DNSSEC; ACM certificate and CloudFront for api.<domain>", () => {
    const zone = one(s("edge-dns"), "aws_route53_zone");
    expect(zone["name"]).toBe(domain);
    expect(one(s("edge-dns"), "aws_route53_query_log")).toBeDefined();
    expect(one(s("edge-dns"), "aws_route53_hosted_zone_dnssec")["signing_status"]).toBe("SIGNING");
    expect(one(s("edge-dns"), "aws_kms_key")).toMatchObject({ customer_master_key_spec: "ECC_NIST_P256", key_usage: "SIGN_VERIFY" });

    const cdn = s("edge-cdn");
    expect(one(cdn, "aws_acm_certificate")).toMatchObject({ domain_name: `api.${domain}`, validation_method: "DNS" });
    const dist = one(cdn, "aws_cloudfront_distribution");
    expect(dist["aliases"]).toEqual([`api.${domain}`]);
    expect(String(dist["web_acl_id"])).toMatch(remote(`${env}-us-east-1-milequest-edge-waf`));
    expect((dist["origin"] as Resource[])[0]).toMatchObject({
      domain_name: `api-origin.${domain}`,
      custom_origin_config: { origin_protocol_policy: "https-only" },
    });
    expect(dist["viewer_certificate"]).toMatchObject({ minimum_protocol_version: "TLSv1.2_2021", ssl_support_method: "sni-only" });
    expect(
      all(cdn, "aws_route53_record")
        .filter((r) => r["alias"])
        .map((r) => [r["name"], r["type"]]),
    ).toEqual([
      [`api.${domain}`, "A"],
      [`api.${domain}`, "AAAA"],
    ]);
  });

  it("Edge: WAF (CLOUDFRONT) with rate limiting, SQL injection, XSS, no geo rule by default (AWS Shield Standard is implicit)", () => {
    const acl = one(s("edge-waf"), "aws_wafv2_web_acl");
    expect(acl["scope"]).toBe("CLOUDFRONT");
    const rules = acl["rule"] as { name: string; statement: Resource }[];
    expect(rules.map((r) => r.name)).toEqual([
      "rate-limit-per-ip",
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesSQLiRuleSet",
      "xss",
    ]);
    expect(rules[0]!.statement).toEqual({ rate_based_statement: { limit: 2000, aggregate_key_type: "IP", evaluation_window_sec: 300 } });
    expect(one(s("edge-waf"), "aws_wafv2_web_acl_logging_configuration")).toBeDefined();
  });

  it("Web: Amplify apps for the Next.js SSR site and the admin dashboard on the env's branch, PR previews, custom domains, edge WAF", () => {
    const web = s("web-amplify");
    const apps = all(web, "aws_amplify_app");
    expect(apps.map((a) => a["name"]).sort()).toEqual([`${env}-milequest-admin`, `${env}-milequest-web`]);
    for (const app of apps) expect(app).toMatchObject({ platform: "WEB_COMPUTE", repository: "https://github.com/mile-quest/mile-quest" });
    const branches = all(web, "aws_amplify_branch");
    const [branch, stage] = env === "prod" ? ["main", "PRODUCTION"] : ["staging", "BETA"];
    expect(branches).toHaveLength(2);
    for (const b of branches) expect(b).toMatchObject({ branch_name: branch, stage, enable_pull_request_preview: true, framework: "Next.js - SSR" });
    expect(
      all(web, "aws_amplify_domain_association")
        .map((d) => d["domain_name"])
        .sort(),
    ).toEqual([`admin.${domain}`, domain].sort());
    expect(all(web, "aws_wafv2_web_acl_association")).toHaveLength(2);
    expect(JSON.stringify(web)).not.toMatch(/ghp_|github_pat_/);
  });

  it("APIs: REST routes per domain function behind the JWT Lambda authorizer (auth domain public), a health route probing a function", () => {
    const rest = s("api-rest");
    expect(one(rest, "aws_api_gateway_rest_api")["endpoint_configuration"]).toEqual({ types: ["REGIONAL"] });
    expect(one(rest, "aws_api_gateway_authorizer")).toMatchObject({ type: "TOKEN", identity_source: "method.request.header.Authorization" });
    const methods = all(rest, "aws_api_gateway_method");
    expect(methods).toHaveLength(REST_ROUTES.length + 1);
    expect(methods.filter((m) => m["authorization"] === "CUSTOM")).toHaveLength(REST_ROUTES.filter((r) => r.auth).length);
    expect(REST_ROUTES.filter((r) => !r.auth).map((r) => r.fn)).toEqual(["login", "register", "refresh"]);
    // Every integration is a real one: /health too reaches a function (issue 14), no MOCK is left.
    const integrations = all(rest, "aws_api_gateway_integration");
    expect(integrations.map((i) => i["type"])).toEqual(Array(REST_ROUTES.length + 1).fill("AWS_PROXY"));
    expect(all(rest, "aws_api_gateway_resource").map((r) => r["path_part"])).toContain(HEALTH_PATH.slice(1));
    const healthFn = all(rest, "aws_lambda_function").find((f) => String(f["function_name"]).endsWith("-health"))!;
    const healthPermission = all(rest, "aws_lambda_permission").find((p) => String(p["source_arn"]).endsWith(`/*/GET${HEALTH_PATH}`))!;
    expect(String(healthPermission["function_name"])).toMatch(/aws_lambda_function\.health_function_/);
    expect(healthFn).toMatchObject({ timeout: 3, reserved_concurrent_executions: 5 });
    // CKV2_AWS_53: every method validates its request; bodies must be JSON objects where the function reads one.
    const validators = all(rest, "aws_api_gateway_request_validator");
    expect(validators.map((v) => [v["name"], v["validate_request_body"], v["validate_request_parameters"]]).sort()).toEqual([
      ["body-and-params", true, true],
      ["params", false, true],
    ]);
    for (const m of methods) expect(m["request_validator_id"]).toMatch(/aws_api_gateway_request_validator\./);
    expect(methods.filter((m) => m["request_models"])).toHaveLength(REST_ROUTES.filter((r) => r.body).length);
    expect(JSON.parse(String(one(rest, "aws_api_gateway_model")["schema"]))).toMatchObject({ type: "object" });
    expect(one(rest, "aws_api_gateway_stage")).toMatchObject({ stage_name: "v1", xray_tracing_enabled: true });
    // CKV2_AWS_4: execution logging on (staging every request, prod failures) into a group we own (retention, CMK).
    expect(one(rest, "aws_api_gateway_method_settings")["settings"]).toMatchObject({
      logging_level: env === "prod" ? "ERROR" : "INFO",
      data_trace_enabled: false,
    });
    const execLogs = all(rest, "aws_cloudwatch_log_group").find((g) => String(g["name"]).startsWith("API-Gateway-Execution-Logs_"))!;
    expect(execLogs["kms_key_id"]).toBeDefined();
    expect(execLogs["retention_in_days"]).toBeGreaterThan(0);
    expect(one(rest, "aws_api_gateway_domain_name")).toMatchObject({ domain_name: `api-origin.${domain}`, security_policy: "TLS_1_2" });
    expect(one(rest, "aws_wafv2_web_acl")["scope"]).toBe("REGIONAL");
    expect(one(rest, "aws_wafv2_web_acl_association")).toBeDefined();
    // Every route's function may be invoked by this API only, on its own method and path.
    const permissions = all(rest, "aws_lambda_permission").map((p) => String(p["source_arn"]));
    expect(permissions.some((a) => a.endsWith("/*/PATCH/teams/*"))).toBe(true);
  });

  it("APIs: the REST API kept its real resources when it moved onto @infra/apigateway: a moved block for every old address", () => {
    const rest = s("api-rest");
    const moved = ((rest as { moved?: { from: string; to: string }[] }).moved ?? []).map((m) => [m.from, m.to] as const);
    const addresses = new Set(Object.entries(rest.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
    expect(moved.map(([from]) => from).sort()).toEqual([...REST_ADDRESSES_BEFORE_LIBRARY].sort());
    for (const [from, to] of moved) {
      expect(addresses.has(to), `${from} -> ${to}`).toBe(true);
      expect(addresses.has(from), from).toBe(false);
      expect(to.split(".")[0]).toBe(from.split(".")[0]);
    }
    for (const gone of REST_ADDRESSES_REMOVED) expect(addresses.has(gone)).toBe(false);
    // The invoke permissions keep their statement ids: a move, not a replacement with a gap.
    const statementIds = all(rest, "aws_lambda_permission").map((p) => p["statement_id"]);
    expect(statementIds).toContain("Allow-rest-authorizer");
    expect(statementIds).toContain("Allow-rest-post-teams-teamId-invitations");
    // The access log group keeps its name (a rename would replace it and lose the logs).
    expect(all(rest, "aws_cloudwatch_log_group").map((g) => g["name"])).toContain(`${env}-us-east-1-milequest/access`.replace(/^/, "/aws/apigateway/"));
  });

  it("APIs: WebSocket API ws.<domain> with aggregateProgress; only $connect is authorized", () => {
    const ws = s("api-websocket");
    expect(one(ws, "aws_apigatewayv2_api")).toMatchObject({ protocol_type: "WEBSOCKET", route_selection_expression: "$request.body.action" });
    const routes = all(ws, "aws_apigatewayv2_route");
    expect(routes.map((r) => [r["route_key"], r["authorization_type"]]).sort()).toEqual(
      WEBSOCKET_ROUTES.map((r) => [r.routeKey, r.routeKey === "$connect" ? "CUSTOM" : "NONE"]).sort(),
    );
    expect(one(ws, "aws_apigatewayv2_authorizer")).toMatchObject({ authorizer_type: "REQUEST", identity_sources: ["route.request.querystring.token"] });
    expect(String(one(ws, "aws_apigatewayv2_authorizer")["authorizer_uri"])).toMatch(remote(`${env}-us-east-1-milequest-api-rest`));
    expect(one(ws, "aws_apigatewayv2_domain_name")["domain_name"]).toBe(`ws.${domain}`);
    const stage = one(ws, "aws_apigatewayv2_stage");
    expect(stage["default_route_settings"]).toMatchObject({ throttling_rate_limit: env === "prod" ? 500 : 50 });
    expect(stage["access_log_settings"]).toBeDefined();
    expect(one(ws, "aws_lambda_event_source_mapping")).toMatchObject({ starting_position: "LATEST", function_response_types: ["ReportBatchItemFailures"] });
  });

  it("APIs: the WebSocket API kept its real resources when it moved onto @infra/apigateway: a moved block for every old address", () => {
    const ws = s("api-websocket");
    expectMovedFrom(ws, WS_ADDRESSES_BEFORE_LIBRARY);
    // Same statement ids and stage-scoped source ARNs as before: the permissions move, never get replaced.
    const permissions = all(ws, "aws_lambda_permission").map((p) => [
      p["statement_id"],
      String(p["source_arn"]).replace(/^\$\{aws_apigatewayv2_api\.[^}]+\}/, "API"),
    ]);
    expect(permissions.sort()).toEqual([
      ["Allow-websocket-authorizer", expect.stringMatching(/^API\/authorizers\/\$\{aws_apigatewayv2_authorizer\.[^}]+\.id\}$/)],
      ["Allow-ws-aggregateProgress", "API/v1/aggregateProgress"],
      ["Allow-ws-connect", "API/v1/$connect"],
      ["Allow-ws-disconnect", "API/v1/$disconnect"],
    ]);
    expect(all(ws, "aws_cloudwatch_log_group").map((g) => g["name"])).toContain(`/aws/apigateway/${env}-us-east-1-milequest-ws/access`);
    expect(one(ws, "aws_apigatewayv2_authorizer")["name"]).toBe("jwt");
  });

  it("Security: the Cognito pool, clients, identity pool and role kept their state when they moved onto @infra/cognito", () => {
    const cognito = s("security-cognito");
    expectMovedFrom(cognito, COGNITO_ADDRESSES_BEFORE_LIBRARY);
    // Settings fixed at creation stay as the pool was created: a change would replace it (and lose its users).
    const pool = one(cognito, "aws_cognito_user_pool");
    expect(pool["username_configuration"]).toBeUndefined();
    expect(pool["schema"]).toBeUndefined();
    expect(pool["username_attributes"]).toEqual(["email"]);
    expect(all(cognito, "aws_cognito_user_pool_client").map((c) => c["token_validity_units"])).toEqual([
      [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
      [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
    ]);
    expect(one(cognito, "aws_iam_role")["name"]).toBe(`${env}-milequest-authenticated`);
    expect(one(cognito, "aws_iam_role_policy")["name"]).toBe("own-user-data");
  });

  it("Lambda: every function by domain from its config artifact, arm64, in the VPC, X-Ray active, CMK env, DLQ, reserved concurrency", () => {
    const fns = [
      ...all(s("api-rest"), "aws_lambda_function"),
      ...all(s("api-websocket"), "aws_lambda_function"),
      ...all(s("compute-jobs"), "aws_lambda_function"),
    ];
    const names = fns.map((f) => String(f["function_name"]).replace(`${env}-us-east-1-milequest-`, "").replace(/^ws-/, ""));
    expect(names.sort()).toEqual([...REST_FUNCTIONS, ...WEBSOCKET_FUNCTIONS, ...JOB_FUNCTIONS].sort());
    for (const f of fns) {
      const fn = String(f["function_name"]).split("-").pop();
      expect(f).toMatchObject({
        s3_bucket: `milequest-artifacts-${env === "prod" ? prod.accountId : staging.accountId}-us-east-1`,
        s3_key: `milequest/0.0.0/${fn}.zip`,
        runtime: "nodejs22.x",
        architectures: ["arm64"],
        tracing_config: { mode: "Active" },
      });
      expect(f["vpc_config"]).toBeDefined();
      expect(f["dead_letter_config"]).toBeDefined();
      expect(typeof f["reserved_concurrent_executions"]).toBe("number");
    }
    const logActivity = fns.find((f) => String(f["function_name"]).endsWith("-logActivity"))!;
    expect(logActivity["reserved_concurrent_executions"]).toBe(env === "prod" ? 80 : 10);
  });

  it("Jobs: fed by SQS (processActivity), SNS (sendNotifications) and EventBridge (syncWearables schedule, exportAnalytics events)", () => {
    const jobs = s("compute-jobs");
    expect(one(jobs, "aws_lambda_event_source_mapping")).toMatchObject({ batch_size: 10, enabled: true });
    expect(String(one(jobs, "aws_lambda_event_source_mapping")["event_source_arn"])).toMatch(remote(`${env}-us-east-1-milequest-integration-messaging`));
    expect(one(jobs, "aws_sns_topic_subscription")["protocol"]).toBe("lambda");
    const rules = all(jobs, "aws_cloudwatch_event_rule");
    expect(rules.map((r) => r["schedule_expression"] ?? JSON.parse(String(r["event_pattern"])).source)).toEqual([
      ["milequest.activity", "milequest.team"],
      "rate(1 hour)",
    ]);
    for (const r of rules) expect(r["state"]).toBe("ENABLED");
  });

  it("Data: Aurora Serverless v2 PostgreSQL (writer + reader) on the Aurora key; ElastiCache Serverless Redis; DynamoDB sessions and real-time", () => {
    const aurora = s("data-aurora");
    const cluster = one(aurora, "aws_rds_cluster");
    expect(cluster).toMatchObject({
      engine: "aurora-postgresql",
      engine_version: "16.6",
      storage_encrypted: true,
      serverlessv2_scaling_configuration: env === "prod" ? { min_capacity: 1, max_capacity: 16 } : { min_capacity: 0.5, max_capacity: 4 },
    });
    expect(String(cluster["kms_key_id"])).toMatch(/aws_kms_keyaurora_key/);
    expect(all(aurora, "aws_rds_cluster_instance").map((i) => i["promotion_tier"])).toEqual([0, 1]);
    expect(one(s("data-cache"), "aws_elasticache_serverless_cache")).toMatchObject({ engine: "redis", major_engine_version: "7" });
    const tables = all(s("data-dynamodb"), "aws_dynamodb_table");
    expect(tables.map((t) => t["name"]).sort()).toEqual([`${env}-us-east-1-milequest-realtime`, `${env}-us-east-1-milequest-sessions`]);
    for (const t of tables) expect(t).toMatchObject({ point_in_time_recovery: { enabled: true }, ttl: { attribute_name: "expiresAt", enabled: true } });
  });

  it("Data: S3 user data and data lake on the S3 key; analytics path EventBridge → exportAnalytics → data lake → Athena (encrypted results) + Glue", () => {
    const buckets = all(s("data-s3"), "aws_s3_bucket").map((b) => String(b["bucket"]).replace(/^.*-\d{12}-/, ""));
    expect(buckets.sort()).toEqual(["access-logs", "data-lake", "user-data"]);
    const analytics = s("data-analytics");
    const wg = one(analytics, "aws_athena_workgroup");
    expect(wg["configuration"]).toMatchObject({
      enforce_workgroup_configuration: true,
      result_configuration: { encryption_configuration: { encryption_option: "SSE_KMS" } },
    });
    expect(one(analytics, "aws_glue_catalog_database")["name"]).toBe(`milequest_${env}`);
    const exportFn = all(s("compute-jobs"), "aws_iam_role_policy").find((p) => p["name"] === "WriteDataLake");
    expect(exportFn).toBeDefined();
  });

  it("Athena: the data lake's events table (JSON lines, day partitions projected from the configured first day) in the Glue database", () => {
    const analytics = s("data-analytics");
    const events = all(analytics, "aws_glue_catalog_table").find((t) => t["name"] === "events")!;
    expect(events["database_name"]).toMatch(/aws_glue_catalog_database\.glue-database\.name/);
    expect(events["parameters"]).toMatchObject({
      "projection.enabled": "true",
      "projection.dt.type": "date",
      "projection.dt.format": "yyyy-MM-dd",
      "projection.dt.range": "2026-01-01,NOW",
      "projection.dt.interval.unit": "DAYS",
    });
    // "$${dt}" is Terraform's escape for the literal "${dt}" Athena fills in.
    expect(String((events["parameters"] as Resource)["storage.location.template"])).toMatch(/data-lake_bucket_\w+bucket\}\/events\/dt=\$\$\{dt\}\/$/);
    const sd = events["storage_descriptor"] as Resource;
    expect(sd["ser_de_info"]).toMatchObject({
      serialization_library: "org.openx.data.jsonserde.JsonSerDe",
      parameters: { "mapping.detail_type": "detail-type" },
    });
    expect((sd["columns"] as Resource[]).map((c) => c["name"])).toEqual(DATA_LAKE_EVENTS.columns.map((c) => c.name));
    expect(events["partition_keys"]).toEqual([expect.objectContaining({ name: "dt", type: "string" })]);
    // The writer gets the same layout.
    const exportFn = all(s("compute-jobs"), "aws_lambda_function").find((f) => String(f["function_name"]).endsWith("-exportAnalytics"))!;
    expect((exportFn["environment"] as { variables: Record<string, string> }).variables).toMatchObject({
      DATA_LAKE_EVENTS_PREFIX: "events/",
      DATA_LAKE_EVENTS_PARTITION: "dt=yyyy-MM-dd",
    });
  });

  it("CUR -> Athena: the account's CUR 2.0 export (Parquet, daily, resource ids) into an SSE-S3 bucket only this account's exports write, and its Glue table", () => {
    const analytics = s("data-analytics");
    const account = env === "prod" ? "444444444444" : "222222222222";
    const exp = (one(analytics, "aws_bcmdataexports_export")["export"] as Resource[])[0]!;
    const query = (exp["data_query"] as Resource[])[0]!;
    const columns = [...CUR2_COLUMNS.map((c) => c.name), "line_item_resource_id"];
    expect(query["query_statement"]).toBe(`SELECT ${columns.join(", ")} FROM COST_AND_USAGE_REPORT`);
    expect(query["table_configurations"]).toEqual({
      COST_AND_USAGE_REPORT: {
        BILLING_VIEW_ARN: `arn:aws:billing::${account}:billingview/primary`,
        TIME_GRANULARITY: "DAILY",
        INCLUDE_RESOURCES: "TRUE",
        INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY: "FALSE",
        INCLUDE_SPLIT_COST_ALLOCATION_DATA: "FALSE",
      },
    });
    const dest = ((exp["destination_configurations"] as Resource[])[0]!["s3_destination"] as Resource[])[0]!;
    expect(dest).toMatchObject({
      s3_prefix: "cur2",
      s3_region: "us-east-1",
      s3_output_configurations: [{ format: "PARQUET", compression: "PARQUET", output_type: "CUSTOM", overwrite: "OVERWRITE_REPORT" }],
    });
    expect(dest["s3_bucket"]).toMatch(/aws_s3_bucket\.cost-exports_bucket_\w+\.bucket/);
    expect(exp["refresh_cadence"]).toEqual([{ frequency: "SYNCHRONOUS" }]);
    expect(exp["name"]).toBe(`${env}-us-east-1-milequest-${account}-cur2`);

    // The bucket: SSE-S3 (Data Exports documents no SSE-KMS delivery), policy for bcm-data-exports scoped to this account's exports.
    const sse = all(analytics, "aws_s3_bucket_server_side_encryption_configuration").find((c) => String(c["bucket"]).includes("cost-exports"))!;
    expect(JSON.stringify(sse["rule"])).toContain('"sse_algorithm":"AES256"');
    const docs = Object.values((analytics as { data?: Record<string, Record<string, Resource>> }).data?.["aws_iam_policy_document"] ?? {});
    const delivery = docs.flatMap((d) => d["statement"] as Resource[]).find((st) => st["sid"] === "BillingDataExports")!;
    expect(delivery).toMatchObject({
      principals: [{ type: "Service", identifiers: ["bcm-data-exports.amazonaws.com"] }],
      actions: ["s3:GetBucketPolicy", "s3:PutObject"],
      condition: [
        { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
        { test: "StringLike", variable: "aws:SourceArn", values: [`arn:aws:bcm-data-exports:us-east-1:${account}:export/*`] },
      ],
    });

    // The table Athena queries: the export's columns, one projected partition per billing period.
    const cost = all(analytics, "aws_glue_catalog_table").find((t) => t["name"] === "cost_and_usage")!;
    expect(((cost["storage_descriptor"] as Resource)["columns"] as Resource[]).map((c) => c["name"])).toEqual(columns);
    expect(cost["parameters"]).toMatchObject({
      "projection.billing_period.format": "yyyy-MM",
      "projection.billing_period.range": "2026-01,NOW",
      "projection.billing_period.interval.unit": "MONTHS",
    });
    expect(String((cost["parameters"] as Resource)["storage.location.template"])).toContain(`/cur2/${exp["name"]}/data/BILLING_PERIOD=$\${billing_period}/`);
  });

  it("Canary deploy: API Gateway invokes each API function's alias; CodeDeploy (Lambda) shifts it, rolled back on the function's errors alarm", () => {
    const rest = s("api-rest");
    const ws = s("api-websocket");
    // Functions publish versions; each API function has one alias "live" that CodeDeploy (not Terraform) moves after creation.
    for (const stack of [rest, ws]) {
      const aliases = all(stack, "aws_lambda_alias");
      for (const a of aliases) expect(a).toMatchObject({ name: "live", lifecycle: { ignore_changes: ["function_version", "routing_config"] } });
      for (const a of aliases) expect(a["function_version"]).toMatch(/aws_lambda_function\.\w+\.version/);
    }
    expect(all(rest, "aws_lambda_alias")).toHaveLength(REST_FUNCTIONS.length);
    expect(all(ws, "aws_lambda_alias")).toHaveLength(WEBSOCKET_ROUTES.length);
    expect(all(rest, "aws_lambda_function").every((f) => f["publish"] === true)).toBe(true);
    // Integrations and the authorizers invoke the alias, and every permission is on the alias.
    for (const i of all(rest, "aws_api_gateway_integration")) expect(i["uri"]).toMatch(/aws_lambda_alias\.[\w-]+\.invoke_arn/);
    expect(one(rest, "aws_api_gateway_authorizer")["authorizer_uri"]).toMatch(/aws_lambda_alias\.authorizer_alias-live_\w+\.invoke_arn/);
    for (const i of all(ws, "aws_apigatewayv2_integration")) expect(i["integration_uri"]).toMatch(/aws_lambda_alias\.[\w-]+\.invoke_arn/);
    expect(one(ws, "aws_apigatewayv2_authorizer")["authorizer_uri"]).toMatch(remote(`${env}-us-east-1-milequest-api-rest`));
    for (const p of [...all(rest, "aws_lambda_permission"), ...all(ws, "aws_lambda_permission")])
      expect(String(p["qualifier"])).toMatch(/aws_lambda_alias\.|cross-stack-output-aws_lambda_aliasauthorizer/);

    const deploy = s("ops-deploy");
    expect(one(deploy, "aws_codedeploy_app")).toMatchObject({ compute_platform: "Lambda", name: `${env}-us-east-1-milequest-api` });
    expect(one(deploy, "aws_iam_role_policy_attachment")["policy_arn"]).toBe(CODEDEPLOY_LAMBDA_POLICY_ARN);
    const assume = Object.values((deploy as { data: Record<string, Record<string, Resource>> }).data["aws_iam_policy_document"]!)[0]!;
    expect(JSON.stringify(assume["statement"])).toContain("codedeploy.amazonaws.com");
    const groups = all(deploy, "aws_codedeploy_deployment_group");
    const apiFunctions = [...REST_FUNCTIONS, ...WEBSOCKET_ROUTES.map((r) => r.fn)].sort();
    expect(groups.map((g) => g["deployment_group_name"]).sort()).toEqual(apiFunctions);
    for (const g of groups) {
      expect(g).toMatchObject({
        // Prod: the seed's "Canary Deploy" (10 % for 5 minutes, then the rest); staging: its in-place update, still rolled back on alarm.
        deployment_config_name: env === "prod" ? "CodeDeployDefault.LambdaCanary10Percent5Minutes" : "CodeDeployDefault.LambdaAllAtOnce",
        deployment_style: { deployment_option: "WITH_TRAFFIC_CONTROL", deployment_type: "BLUE_GREEN" },
        auto_rollback_configuration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
        alarm_configuration: { enabled: true },
      });
      const alarm = (g["alarm_configuration"] as { alarms: string[] }).alarms;
      expect(alarm).toHaveLength(1);
      expect(alarm[0]).toMatch(
        new RegExp(
          `${env}-us-east-1-milequest-ops-monitoring\\.outputs\\.cross-stack-output-aws_cloudwatch_metric_alarmlambda-errors-${g["deployment_group_name"]}_alarm_`,
        ),
      );
    }
    // ECR for Lambda container images: CMK (app key), scan on push, immutable tags, lifecycle.
    expect(one(deploy, "aws_ecr_repository")).toMatchObject({
      name: `${env}-us-east-1-milequest-functions`,
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: expect.stringMatching(remote(`${env}-us-east-1-milequest-security-kms`)) }],
    });
    const lifecycle = JSON.parse(String(one(deploy, "aws_ecr_lifecycle_policy")["policy"])) as { rules: { selection: Resource }[] };
    expect(lifecycle.rules.map((r) => r.selection)).toEqual([
      expect.objectContaining({ tagStatus: "untagged", countType: "sinceImagePushed", countNumber: 7 }),
      expect.objectContaining({ tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: 30 }),
    ]);
  });

  it("Security: Cognito user pool (MFA) and identity pool without guests; external API secrets with no values in code", () => {
    const cognito = s("security-cognito");
    expect(one(cognito, "aws_cognito_user_pool")).toMatchObject({ mfa_configuration: "ON", username_attributes: ["email"] });
    expect(all(cognito, "aws_cognito_user_pool_client")).toHaveLength(2);
    expect(one(cognito, "aws_cognito_identity_pool")["allow_unauthenticated_identities"]).toBe(false);
    expect(JSON.stringify(cognito.data)).toContain("/users/$${cognito-identity.amazonaws.com:sub}/*");
    const secrets = all(s("security-secrets"), "aws_secretsmanager_secret").map((x) => x["name"]);
    for (const api of ["fitbit", "google-fit", "mapbox"]) expect(secrets).toContain(`milequest/${env}/external/${api}`);
    // No secret value in code: the only versions are the generated Aurora password's, write-only (never a secret_string).
    for (const stack of stacks) {
      for (const v of Object.values(stack.json.resource?.["aws_secretsmanager_secret_version"] ?? {})) {
        expect(v["secret_string"]).toBeUndefined();
        expect(String(v["secret_string_wo"])).toMatch(/ephemeral\.aws_secretsmanager_(random_password|secret_version)\./);
      }
    }
    expect(
      all(s("security-kms"), "aws_kms_alias")
        .map((a) => a["name"])
        .sort(),
    ).toEqual(["alerts", "app", "aurora", "logs", "s3"].map((k) => `alias/${env}-us-east-1-milequest-${k}`));
  });

  it("Operations: alarms to an encrypted SNS topic with email, a dashboard, X-Ray; a budget with the seed's cost baseline", () => {
    const ops = s("ops-monitoring");
    expect(one(ops, "aws_sns_topic_subscription")).toMatchObject({ protocol: "email", endpoint: "oncall@mile-quest.com" });
    const alarms = all(ops, "aws_cloudwatch_metric_alarm");
    expect(alarms).toHaveLength(2 + REST_FUNCTIONS.length + WEBSOCKET_FUNCTIONS.length + JOB_FUNCTIONS.length + 1 + 2);
    expect(one(ops, "aws_cloudwatch_dashboard")).toBeDefined();
    expect(one(ops, "aws_xray_group")).toBeDefined();
    expect(one(ops, "aws_xray_sampling_rule")["fixed_rate"]).toBe(0.05);
    // Through the shared TracingSamplingRule construct; the rule keeps its state through a moved block.
    const rule = Object.keys(ops.resource?.["aws_xray_sampling_rule"] ?? {})[0];
    expect((ops as { moved?: unknown[] }).moved).toContainEqual({ from: "aws_xray_sampling_rule.xray-sampling", to: `aws_xray_sampling_rule.${rule}` });
    const budget = one(s("ops-budget"), "aws_budgets_budget");
    expect(budget).toMatchObject({ limit_amount: env === "prod" ? "1500" : "150", time_unit: "MONTHLY" });
    expect(budget["tags"]).toMatchObject({
      BaselineFixedMonthlyUsd: "45.5",
      BaselineNatGatewayMonthlyUsd: String(SEED_COST_BASELINE.fixedMonthlyUsd.natGateway),
      BaselineAuroraPerAcuHourUsd: "0.12",
      BaselineElastiCachePerGbHourUsd: "0.034",
    });
  });
});

describe("Mile Quest staging: no DR", () => {
  it("has no us-west-2 stacks, and plain alias records without health checks", () => {
    expect(stagingStacks.every((s) => s.stackName.startsWith("staging-us-east-1-"))).toBe(true);
    const routing = stackOf(stagingStacks, "staging-us-east-1-milequest-edge-routing");
    expect(routing.resource?.["aws_route53_health_check"]).toBeUndefined();
    expect(
      all(routing, "aws_route53_record")
        .map((r) => r["name"])
        .sort(),
    ).toEqual(["api-origin.staging.mile-quest.com", "ws.staging.mile-quest.com"]);
  });
});

describe("Mile Quest prod DR in us-west-2 (seed 003 Disaster Recovery Architecture)", () => {
  const dr = (name: string) => stackOf(prodStacks, `prod-us-west-2-milequest-${name}`);
  const primary = (name: string) => stackOf(prodStacks, `prod-us-east-1-milequest-${name}`);

  it("deploys the standby stacks", () => {
    expect(
      prodStacks
        .filter((s) => s.stackName.startsWith("prod-us-west-2-"))
        .map((s) => s.stackName.replace("prod-us-west-2-milequest-", ""))
        .sort(),
    ).toEqual([...COMMON].sort());
  });

  it("Aurora: a global database whose us-west-2 member is the replica", () => {
    expect(one(primary("data-aurora"), "aws_rds_global_cluster")).toMatchObject({
      global_cluster_identifier: "prod-us-east-1-milequest-global",
      engine: "aurora-postgresql",
      storage_encrypted: true,
    });
    const replica = one(dr("data-aurora"), "aws_rds_cluster");
    expect(String(replica["global_cluster_identifier"])).toMatch(remote("prod-us-east-1-milequest-data-aurora"));
    expect(replica["source_region"]).toBe("us-east-1");
    expect(replica["master_username"]).toBeUndefined();
    expect(String(replica["kms_key_id"])).toMatch(remote("prod-us-west-2-milequest-security-kms"));
    expect(all(dr("data-aurora"), "aws_rds_cluster_instance")).toHaveLength(1);
    // The global primary's password is generated write-only into its secret: nothing read at plan time, nothing in state.
    const writer = one(primary("data-aurora"), "aws_rds_cluster");
    expect(writer["master_password"]).toBeUndefined();
    expect(String(writer["master_password_wo"])).toMatch(/^\$\{jsondecode\(ephemeral\.aws_secretsmanager_secret_version\.[^)]+\.secret_string\)\.password\}$/);
    expect(primary("data-aurora").data?.["aws_secretsmanager_secret_version"]).toBeUndefined();
  });

  it("S3: user data and the data lake replicate to the us-west-2 buckets with the us-west-2 key", () => {
    const configs = all(primary("data-s3"), "aws_s3_bucket_replication_configuration");
    expect(configs).toHaveLength(2);
    for (const c of configs) {
      const destination = (c["rule"] as Resource[])[0]!["destination"] as Resource;
      expect(String(destination["bucket"])).toMatch(remote("prod-us-west-2-milequest-data-s3"));
      expect(String((destination["encryption_configuration"] as Resource)["replica_kms_key_id"])).toMatch(remote("prod-us-west-2-milequest-security-kms"));
    }
    expect(dr("data-s3").resource?.["aws_s3_bucket_replication_configuration"]).toBeUndefined();
  });

  it("API Gateway + Lambda standby: same APIs and functions, wired to the replica cluster, replica tables and replicated secrets; job triggers off", () => {
    expect(all(dr("api-rest"), "aws_lambda_function")).toHaveLength(REST_FUNCTIONS.length);
    const login = all(dr("api-rest"), "aws_lambda_function").find((f) => String(f["function_name"]).endsWith("-login"))!;
    const envVars = (login["environment"] as { variables: Record<string, string> }).variables;
    expect(envVars["REGION_ROLE"]).toBe("standby");
    expect(envVars["DB_WRITER_HOST"]).toMatch(remote("prod-us-west-2-milequest-data-aurora"));
    expect(envVars["REDIS_HOST"]).toBeUndefined();
    const policies = JSON.stringify(dr("api-rest").data);
    expect(policies).toContain("arn:aws:dynamodb:us-west-2:444444444444:table/");
    expect(policies).toContain("arn:aws:secretsmanager:us-west-2:444444444444:secret:milequest/prod/external/mapbox-??????");
    for (const rule of all(dr("compute-jobs"), "aws_cloudwatch_event_rule")) expect(rule["state"]).toBe("DISABLED");
    expect(one(dr("compute-jobs"), "aws_lambda_event_source_mapping")["enabled"]).toBe(false);
    expect(one(dr("api-rest"), "aws_api_gateway_domain_name")["domain_name"]).toBe("api-origin.mile-quest.com");
  });

  it("Canary deploy in the standby region too: its own ECR repository and CodeDeploy groups on the us-west-2 aliases", () => {
    const deploy = dr("ops-deploy");
    expect(one(deploy, "aws_ecr_repository")["name"]).toBe("prod-us-west-2-milequest-functions");
    const groups = all(deploy, "aws_codedeploy_deployment_group");
    expect(groups).toHaveLength(REST_FUNCTIONS.length + WEBSOCKET_ROUTES.length);
    for (const g of groups) expect(g["deployment_config_name"]).toBe("CodeDeployDefault.LambdaCanary10Percent5Minutes");
    for (const i of all(dr("api-rest"), "aws_api_gateway_integration")) expect(i["uri"]).toMatch(/aws_lambda_alias\./);
  });

  it("DynamoDB tables and secrets replicate to us-west-2", () => {
    for (const t of all(primary("data-dynamodb"), "aws_dynamodb_table"))
      expect((t["replica"] as Resource[]).map((r) => r["region_name"])).toEqual(["us-west-2"]);
    for (const sec of all(primary("security-secrets"), "aws_secretsmanager_secret"))
      expect((sec["replica"] as Resource[]).map((r) => r["region"])).toEqual(["us-west-2"]);
  });

  it("Route 53: health checks on both regions' REST APIs and a failover policy for the API origin and ws.<domain>", () => {
    const routing = primary("edge-routing");
    const checks = all(routing, "aws_route53_health_check");
    expect(checks.map((c) => String(c["fqdn"]).replace(/^.*\}/, ""))).toEqual([".execute-api.us-east-1.amazonaws.com", ".execute-api.us-west-2.amazonaws.com"]);
    for (const c of checks) expect(c).toMatchObject({ type: "HTTPS_STR_MATCH", search_string: '"status":"ok"', request_interval: 30, failure_threshold: 3 });
    const records = all(routing, "aws_route53_record");
    expect(records.map((r) => [r["name"], (r["failover_routing_policy"] as Resource)["type"]])).toEqual([
      ["api-origin.mile-quest.com", "PRIMARY"],
      ["api-origin.mile-quest.com", "SECONDARY"],
      ["ws.mile-quest.com", "PRIMARY"],
      ["ws.mile-quest.com", "SECONDARY"],
    ]);
    expect(String((records[1]!["alias"] as Resource)["name"])).toMatch(remote("prod-us-west-2-milequest-api-rest"));
    for (const r of records) expect(r["health_check_id"]).toMatch(/aws_route53_health_check\./);
  });
});

describe("Mile Quest configuration errors", () => {
  const withWorkload = (overrides: Record<string, unknown>): EnvConfig => ({
    ...staging,
    workloads: { ...staging.workloads, milequest: { ...(staging.workloads["milequest"] as object), ...overrides } },
  });

  it("a geo block country list becomes a WAF geo rule", () => {
    const stacks = mine(synthEnvJson(withWorkload({ geoBlockCountries: ["KP", "IR"] }), { root, workloads: WORKLOADS }));
    const rules = one(stackOf(stacks, "staging-us-east-1-milequest-edge-waf"), "aws_wafv2_web_acl")["rule"] as { name: string; statement: Resource }[];
    expect(rules[0]).toMatchObject({ name: "geo-block", statement: { geo_match_statement: { country_codes: ["KP", "IR"] } } });
  });

  it("a bad country code names the file, the field and what is allowed", () => {
    expect(() => resolveEnv(root, withWorkload({ geoBlockCountries: ["korea"] }), WORKLOADS)).toThrow(ConfigError);
    expect(() => resolveEnv(root, withWorkload({ geoBlockCountries: ["korea"] }), WORKLOADS)).toThrow(
      /\[environments\/staging\/env\.ts\] workloads\.milequest\.geoBlockCountries\.0 = "korea": must be an ISO 3166 alpha-2 country code/,
    );
  });

  it("an account whose cost export has another owner gets no export, no cost bucket and no cost table (the events table stays)", () => {
    const reason = "the payer account exports this account's costs";
    const env: EnvConfig = {
      ...staging,
      regions: staging.regions.map((r) => ({
        ...r,
        deployments: r.deployments.map((d) =>
          d.definition.module === "analytics" && d.definition.workload === "milequest"
            ? { ...d, inputs: { ...(d.inputs as object), costExport: { kind: "none", reason } }, waivers: [] }
            : d,
        ),
      })),
    };
    const analytics = stackOf(mine(synthEnvJson(env, { root, workloads: WORKLOADS })), "staging-us-east-1-milequest-data-analytics");
    expect(all(analytics, "aws_bcmdataexports_export")).toHaveLength(0);
    expect(all(analytics, "aws_s3_bucket").map((b) => String(b["bucket"]))).toEqual([expect.stringMatching(/-athena-results$/)]);
    expect(all(analytics, "aws_glue_catalog_table").map((t) => t["name"])).toEqual(["events"]);
  });

  it("a budget below the seed's fixed costs is refused", () => {
    const env: EnvConfig = {
      ...staging,
      regions: staging.regions.map((r) => ({
        ...r,
        deployments: r.deployments.map((d) =>
          d.definition.module === "budget" && d.definition.workload === "milequest" ? { ...d, inputs: { monthlyLimitUsd: 20 } } : d,
        ),
      })),
    };
    expect(() => resolveEnv(root, env, WORKLOADS)).toThrow(/monthlyLimitUsd = 20: must cover at least the seed's fixed monthly costs \(45\.5 USD/);
  });
});
