import { env as prodEnv } from "@envs/prod";
import { env as stagingEnv } from "@envs/staging";
import { SERVICES } from "@infra/atlas-inputs";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { atlasOnly } from "./atlas-variant";
import { describe, expect, it } from "vitest";

type Res = Record<string, unknown>;

/**
 * ADR 0106: AccountabilityAtlas phase-4 DR in us-west-2, a pilot light that can serve
 * (seed 001 "Region failure: RTO 4 hours, RPO 1 hour, DR region activation"; RDS copies 7 days).
 */
const synth = (env: Parameters<typeof synthEnvOnce>[0]) => synthEnvOnce(env).filter((s) => s.stackName.includes("-atlas-"));
const p4 = synth(atlasOnly(prodEnv, 4));
const dr = p4.filter((s) => s.stackName.startsWith("prod-us-west-2-"));
function stack(stacks: StackJson[], name: string): StackJson {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; have ${stacks.map((s) => s.stackName).join(", ")}`);
  return found;
}
const list = (s: StackJson, type: string): Res[] => Object.values(resourcesOfType(s.json, type));
const one = (s: StackJson, type: string): Res => {
  const all = list(s, type);
  expect(all, `${s.stackName}: one ${type}`).toHaveLength(1);
  return all[0]!;
};

describe("ADR 0106 DR pilot light: only at phase 4, only in prod", () => {
  it("no us-west-2 stack of the workload before phase 4, nor in staging", () => {
    for (const phase of [1, 2, 3] as const) expect(synth(atlasOnly(prodEnv, phase)).filter((s) => s.stackName.includes("us-west-2"))).toEqual([]);
    expect(synth(atlasOnly(stagingEnv, 4)).filter((s) => s.stackName.includes("us-west-2"))).toEqual([]);
  });
});

describe("network: the atlas VPC in us-west-2", () => {
  const vpc = stack(dr, "prod-us-west-2-atlas-network-vpc");
  it("10.4.0.0/16 (apart from every VPC of the account), the primary's subnet plan over two AZs, one NAT gateway", () => {
    expect(one(vpc, "aws_vpc")).toMatchObject({ cidr_block: "10.4.0.0/16" });
    const cidrs = list(vpc, "aws_subnet")
      .map((s) => [s["cidr_block"], s["availability_zone"]])
      .sort();
    expect(cidrs).toEqual([
      ["10.4.1.0/24", "us-west-2a"],
      ["10.4.10.0/24", "us-west-2a"],
      ["10.4.11.0/24", "us-west-2b"],
      ["10.4.2.0/24", "us-west-2b"],
      ["10.4.20.0/24", "us-west-2a"],
      ["10.4.21.0/24", "us-west-2b"],
    ]);
    expect(list(vpc, "aws_nat_gateway")).toHaveLength(1);
    // The database restored at activation lands in this group (docs/runbooks/atlas-dr.md).
    expect(one(vpc, "aws_db_subnet_group")).toMatchObject({ name: expect.stringContaining("prod-us-west-2-atlas") });
  });
});

describe("secrets: every secret the ECS services read has a replica in us-west-2 under the DR data key", () => {
  const drKey = "cross-stack-reference-input-prod-us-west-2-atlas-security-kms";
  it("the four app secrets and the Redis AUTH token (atlas-security-secrets)", () => {
    const secrets = list(stack(p4, "prod-us-east-1-atlas-security-secrets"), "aws_secretsmanager_secret");
    expect(secrets.map((s) => s["name"]).sort()).toEqual(
      ["admin-password-hash", "jwt-rsa-key-pair", "mapbox-access-token", "redis-auth-token", "youtube-api-key"].map((n) => `accountabilityatlas/prod/${n}`),
    );
    for (const s of secrets) {
      expect(s["replica"], String(s["name"])).toEqual([{ region: "us-west-2", kms_key_id: expect.stringContaining(drKey) }]);
    }
  });
  it("the database's rotated master secret and the services' login secret (atlas-data-rds, ADR 0145): the restored DR database's credentials", () => {
    const secrets = list(stack(p4, "prod-us-east-1-atlas-data-rds"), "aws_secretsmanager_secret");
    expect(secrets.map((s) => s["name"]).sort()).toEqual(["accountabilityatlas/prod/database-app", "acct-atlas-prod/master-credentials"]);
    for (const secret of secrets) expect(secret["replica"]).toEqual([{ region: "us-west-2", kms_key_id: expect.stringContaining(drKey) }]);
  });
  it("no replica before phase 4", () => {
    const p3 = synth(atlasOnly(prodEnv, 3));
    for (const s of p3.flatMap((st) => list(st, "aws_secretsmanager_secret"))) expect(s["replica"], String(s["name"])).toBeUndefined();
  });
});

describe("images: ECR replication us-east-1 → us-west-2 into repositories under the DR data key", () => {
  const repos = stack(dr, "prod-us-west-2-atlas-services-ecr");
  const names = SERVICES.map((s) => s.repository).sort();
  it("the eight repositories in us-west-2: DR data key, immutable tags, scan on push, lifecycle (replicas ECR would create get AES256 and none)", () => {
    const all = list(repos, "aws_ecr_repository");
    expect(all.map((r) => r["name"]).sort()).toEqual(names);
    for (const r of all) {
      expect(r).toMatchObject({
        image_tag_mutability: "IMMUTABLE",
        image_scanning_configuration: { scan_on_push: true },
        encryption_configuration: [
          { encryption_type: "KMS", kms_key: expect.stringContaining("cross-stack-reference-input-prod-us-west-2-atlas-security-kms") },
        ],
      });
    }
    expect(list(repos, "aws_ecr_lifecycle_policy")).toHaveLength(8);
  });
  it("the account registry's replication (one per account and region) is account/foundation's: us-east-1 → us-west-2, exactly those repositories", () => {
    const foundation = synthEnvOnce(atlasOnly(prodEnv, 4)).find((s) => s.stackName === "prod-us-east-1-account-foundation")!;
    const config = one(foundation, "aws_ecr_replication_configuration");
    expect(config["region"]).toBeUndefined(); // the foundation's region, us-east-1: the source registry
    expect(config["replication_configuration"]).toEqual({
      rule: [
        {
          destination: [{ region: "us-west-2", registry_id: prodEnv.accountId }],
          repository_filter: names.map((n) => ({ filter: n, filter_type: "PREFIX_MATCH" })),
        },
      ],
    });
    // No workload stack sets it.
    expect(p4.flatMap((s) => list(s, "aws_ecr_replication_configuration"))).toEqual([]);
  });
  it("phase 3: no DR repository, so the foundation replicates nothing", () => {
    const foundation = synthEnvOnce(atlasOnly(prodEnv, 3)).find((s) => s.stackName === "prod-us-east-1-account-foundation")!;
    expect(list(foundation, "aws_ecr_replication_configuration")).toEqual([]);
  });
});

describe("compute + edge: the ECS services, ALB and WAF stand in us-west-2 at zero tasks", () => {
  const ecs = stack(dr, "prod-us-west-2-atlas-services-ecs");
  const alb = stack(dr, "prod-us-west-2-atlas-edge-alb");
  const byName = (s: StackJson, type: string, key: string) => Object.fromEntries(list(s, type).map((r) => [String(r[key]), r]));
  const container = (service: string) => {
    const task = list(ecs, "aws_ecs_task_definition").find((t) => t["family"] === `acct-atlas-${service}`)!;
    return (JSON.parse(String(task["container_definitions"])) as Res[])[0]!;
  };
  const env = (c: Res) => Object.fromEntries((c["environment"] as { name: string; value: string }[]).map((e) => [e.name, e.value]));
  const secrets = (c: Res) => Object.fromEntries((c["secrets"] as { name: string; valueFrom: string }[]).map((e) => [e.name, e.valueFrom]));

  it("the in-region dependencies: the DR stacks of us-west-2 (in deploy order before the services), the primary's only for its secrets' ARNs", () => {
    expect(dr.map((s) => s.stackName.replace("prod-us-west-2-atlas-", ""))).toEqual([
      "security-kms",
      "network-vpc",
      "data-buckets",
      "data-queues",
      "data-redis",
      "services-ecr",
      "edge-waf",
      "edge-alb",
      "services-ecs",
    ]);
    const remote = Object.keys((ecs.json["data"] as Record<string, Res>)["terraform_remote_state"]!).sort();
    expect(remote.filter((r) => r.includes("us-east-1"))).toEqual([
      "cross-stack-reference-input-prod-us-east-1-atlas-data-rds",
      "cross-stack-reference-input-prod-us-east-1-atlas-security-secrets",
    ]);
    // No standing database in the DR region, and no OpenSearch there.
    expect(p4.map((s) => s.stackName)).not.toContain("prod-us-west-2-atlas-data-rds");
    expect(p4.map((s) => s.stackName)).not.toContain("prod-us-west-2-atlas-data-opensearch");
  });

  it("eight services, desired count 0, auto-scaling min 0 up to the seed's max; rolling (no CodeDeploy), no rotation redeploy", () => {
    const services = byName(ecs, "aws_ecs_service", "name");
    expect(Object.keys(services).sort()).toEqual(SERVICES.map((s) => `acct-atlas-${s.name}`).sort());
    for (const s of Object.values(services)) expect(s["desired_count"]).toBe(0);
    const targets = list(ecs, "aws_appautoscaling_target");
    expect(targets.map((t) => [t["min_capacity"], t["max_capacity"]]).sort()).toEqual(SERVICES.map((s) => [0, s.scaling.max]).sort());
    expect(list(ecs, "aws_codedeploy_deployment_group")).toEqual([]);
    expect(list(ecs, "aws_sfn_state_machine")).toEqual([]);
  });

  it("images from the us-west-2 repositories (the replicas), secrets from the us-west-2 replicas of the primary's", () => {
    const c = container("user-service");
    expect(String(c["image"])).toContain("cross-stack-reference-input-prod-us-west-2-atlas-services-ecr");
    expect(secrets(c)).toEqual({
      ADMIN_PASSWORD_HASH: "${local.admin-password-hash-replica-arn}",
      APP_JWT_PRIVATE_KEY: "${local.jwt-rsa-key-pair-replica-arn}",
      DB_HOST: "${local.database-secret-replica-arn}:host::",
      REDIS_PASSWORD: expect.stringContaining("prod-us-west-2-atlas-data-redis"),
      SPRING_DATASOURCE_PASSWORD: "${local.database-secret-replica-arn}:password::",
      SPRING_DATASOURCE_USERNAME: "${local.database-secret-replica-arn}:username::",
    });
    const locals = ecs.json["locals"] as Record<string, string>;
    expect(locals["database-secret-replica-arn"]).toMatch(
      /^\$\{replace\(data\.terraform_remote_state\.cross-stack-reference-input-prod-us-east-1-atlas-data-rds\.outputs\.[\w-]+, ":us-east-1:", ":us-west-2:"\)\}$/,
    );
  });

  it("the database restored at activation: its address from the secret (DB_HOST), admitted by the stack's own group, 5432 from the seven Java services only", () => {
    expect(env(container("api-gateway"))["SPRING_DATASOURCE_URL"]).toBe("jdbc:postgresql://$${DB_HOST}:5432/atlas?sslmode=require");
    expect(env(container("web-app"))["SPRING_DATASOURCE_URL"]).toBeUndefined();
    const group = byName(ecs, "aws_security_group", "name")["acct-atlas-prod-dr-database"]!;
    expect(group["vpc_id"]).toContain("prod-us-west-2-atlas-network-vpc");
    expect(group["egress"]).toBeUndefined();
    const rules = list(ecs, "aws_vpc_security_group_ingress_rule").filter((r) => r["security_group_id"] === "${aws_security_group.dr-database.id}");
    expect(rules).toHaveLength(7);
    for (const r of rules) expect(r).toMatchObject({ from_port: 5432, to_port: 5432, ip_protocol: "tcp" });
  });

  it("search-service on PostgreSQL FTS (no OpenSearch in standby), the cache here: one small node with the primary's AUTH token (its replica)", () => {
    expect(env(container("search-service"))).toMatchObject({ SPRING_PROFILES_ACTIVE: "prod,fts" });
    expect(env(container("search-service"))["OPENSEARCH_ENDPOINT"]).toBeUndefined();
    const redis = stack(dr, "prod-us-west-2-atlas-data-redis");
    expect(one(redis, "aws_elasticache_replication_group")).toMatchObject({
      node_type: "cache.t4g.small",
      num_cache_clusters: 1,
      transit_encryption_enabled: true,
    });
    expect((redis.json["locals"] as Record<string, string>)["auth-token-replica-arn"]).toContain('":us-east-1:", ":us-west-2:"');
  });

  it("the ALB: HTTPS with a certificate for the prod names validated in the prod zone (us-east-1), WAF, /api/* → api-gateway", () => {
    expect(one(alb, "aws_acm_certificate")).toMatchObject({
      domain_name: "accountabilityatlas.com",
      subject_alternative_names: ["www.accountabilityatlas.com", "api.accountabilityatlas.com"],
    });
    expect(String(one(alb, "aws_route53_record")["zone_id"])).toContain("cross-stack-reference-input-prod-us-east-1-atlas-dns-zone");
    expect(String(one(alb, "aws_wafv2_web_acl_association")["web_acl_arn"])).toContain("prod-us-west-2-atlas-edge-waf");
    expect(list(alb, "aws_lb_target_group")).toHaveLength(2); // no green groups: no CodeDeploy in standby
    expect(one(alb, "aws_lb_listener_rule")).toMatchObject({ condition: [{ path_pattern: { values: ["/api/*"] } }] });
  });
});

describe("DNS: api.<domain> fails over to us-west-2 without an apply", () => {
  const records = stack(p4, "prod-us-east-1-atlas-dns-records");
  const api = Object.entries(resourcesOfType(records.json, "aws_route53_record")).filter(([, r]) => r["name"] === "api.accountabilityatlas.com");
  it("a Route 53 failover pair: PRIMARY the us-east-1 ALB with an HTTPS health check on /api/actuator/health, SECONDARY the us-west-2 ALB", () => {
    const byRole = Object.fromEntries(api.map(([id, r]) => [(r["failover_routing_policy"] as { type: string }).type, { id, r }]));
    expect(Object.keys(byRole).sort()).toEqual(["PRIMARY", "SECONDARY"]);
    const check = one(records, "aws_route53_health_check");
    expect(check).toMatchObject({
      type: "HTTPS",
      port: 443,
      resource_path: "/api/actuator/health",
      failure_threshold: 3,
      request_interval: 30,
      enable_sni: true,
      fqdn: expect.stringContaining("cross-stack-reference-input-prod-us-east-1-atlas-edge-alb"),
    });
    expect(byRole["PRIMARY"]!.r).toMatchObject({
      set_identifier: "primary",
      health_check_id: expect.stringContaining("aws_route53_health_check."),
      alias: { evaluate_target_health: true, name: expect.stringContaining("prod-us-east-1-atlas-edge-alb") },
    });
    expect(byRole["SECONDARY"]!.r).toMatchObject({
      set_identifier: "secondary",
      alias: { evaluate_target_health: true, name: expect.stringContaining("prod-us-west-2-atlas-edge-alb") },
      depends_on: expect.arrayContaining([`aws_route53_record.${byRole["PRIMARY"]!.id}`]),
    });
  });
  it("phase 3 → 4: the PRIMARY is phase 3's api alias at its address (updated in place); the SECONDARY is created after it", () => {
    const p3 = stack(synth(atlasOnly(prodEnv, 3)), "prod-us-east-1-atlas-dns-records");
    const before = Object.entries(resourcesOfType(p3.json, "aws_route53_record")).filter(([, r]) => r["name"] === "api.accountabilityatlas.com");
    expect(before).toHaveLength(1);
    const primary = api.find(([, r]) => (r["failover_routing_policy"] as { type: string }).type === "PRIMARY")!;
    expect(primary[0]).toBe(before[0]![0]);
  });
  it("CloudFront's dynamic origin is api.<domain>, so it follows the failover", () => {
    const cdn = stack(p4, "prod-us-east-1-atlas-edge-cdn");
    expect(JSON.stringify(one(cdn, "aws_cloudfront_distribution")["origin"])).toContain('"domain_name":"api.accountabilityatlas.com"');
  });
});

describe("the standby's readiness is measured hourly in us-west-2 and alarmed on in us-east-1 (ADR 0106)", () => {
  const ecs = stack(dr, "prod-us-west-2-atlas-services-ecs");
  const fn = one(ecs, "aws_lambda_function");
  const data = (ecs.json as { data?: Record<string, Record<string, Res>> }).data ?? {};
  const docs = Object.values(data["aws_iam_policy_document"] ?? {}).flatMap((d) => d["statement"] as Res[]);
  const bySid = Object.fromEntries(docs.map((s) => [s["sid"], s]));

  it("the probe: in the DR VPC's private subnets, the tag the DR services run, the secrets they read, metrics to us-east-1", () => {
    expect(fn).toMatchObject({
      function_name: "acct-atlas-prod-dr-readiness",
      runtime: "nodejs24.x",
      vpc_config: { subnet_ids: [expect.stringContaining("us-west-2-atlas-network-vpc"), expect.stringContaining("us-west-2-atlas-network-vpc")] },
    });
    const vars = (fn["environment"] as { variables: Record<string, string> }).variables;
    expect(vars).toMatchObject({ ENV: "prod", IMAGE_TAG: "1.0.0", METRICS_REGION: "us-east-1", NAMESPACE: "AccountabilityAtlas/DR" });
    expect(vars["SOURCE_DB"]).toContain("cross-stack-reference-input-prod-us-east-1-atlas-data-rds");
    expect(vars["REPOSITORIES"]!.split(",").sort()).toEqual(SERVICES.map((s) => s.repository).sort());
    // The four app secrets, the Redis token and the services' login secret: the replicas in us-west-2.
    expect(vars["SECRETS"]!.split(",")).toHaveLength(6);
    expect(vars["SECRETS"]).toContain("database-secret-replica-arn");
    const [rule] = list(ecs, "aws_cloudwatch_event_rule").filter((r) => r["schedule_expression"]);
    expect(rule).toMatchObject({ schedule_expression: "rate(1 hour)" });
  });

  it("read-only, on exactly those resources; PutMetricData only into its namespace", () => {
    expect(bySid["ReadImages"]!["resources"]).toHaveLength(8);
    expect(bySid["DescribeSecretReplicas"]).toMatchObject({ actions: ["secretsmanager:DescribeSecret"] });
    expect(bySid["ReadReplicatedBackups"]).toMatchObject({
      actions: ["rds:DescribeDBInstanceAutomatedBackups"],
      resources: ["arn:aws:rds:us-west-2:444444444444:auto-backup:*"],
    });
    expect(bySid["PublishReadiness"]).toMatchObject({
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      condition: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: ["AccountabilityAtlas/DR"] }],
    });
  });

  it("us-east-1 alarms: restore point older than the 1 h RPO, a missing image, a missing replica; two silent hours alarm too", () => {
    const alarms = list(stack(p4, "prod-us-east-1-atlas-ops-monitoring"), "aws_cloudwatch_metric_alarm").filter(
      (a) => a["namespace"] === "AccountabilityAtlas/DR",
    );
    expect(alarms.map((a) => [a["metric_name"], a["threshold"]]).sort()).toEqual([
      ["ReplicatedImagesMissing", 0],
      ["RestorePointAgeSeconds", 3600],
      ["SecretReplicasMissing", 0],
    ]);
    for (const a of alarms) {
      expect(a).toMatchObject({
        dimensions: { Env: "prod" },
        period: 3600,
        evaluation_periods: 2,
        treat_missing_data: "breaching",
        comparison_operator: "GreaterThanThreshold",
      });
    }
    for (const phase of [2, 3] as const) {
      const m = stack(synth(atlasOnly(prodEnv, phase)), "prod-us-east-1-atlas-ops-monitoring");
      expect(list(m, "aws_cloudwatch_metric_alarm").filter((a) => a["namespace"] === "AccountabilityAtlas/DR")).toEqual([]);
    }
  });
});
