import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { costDiff, formatCostDiff } from "./cost-diff";
import { estimate, type PricedStack } from "./cost/estimate";
import { costOfEnv, formatEnvCost } from "./cost";
import { findEnv } from "./envs";

const stack = (workload: string, resource: Record<string, Record<string, unknown>>): PricedStack => ({
  stack: `dev-us-east-1-${workload}`,
  workload,
  json: { resource },
});

describe("cost estimate on hand-made Terraform JSON", () => {
  it("prices instances, storage, Multi-AZ, ASGs from their launch template, caches and network, to the cent", () => {
    const result = estimate([
      stack("platform", {
        aws_db_instance: {
          db: { instance_class: "db.r6g.large", multi_az: true, allocated_storage: 100 },
          replica: { instance_class: "db.t3.micro", replicate_source_db: "${aws_db_instance.small.identifier}", multi_az: false },
          small: { instance_class: "db.t3.micro", multi_az: false, allocated_storage: 20 },
        },
        aws_launch_template: { lt: { instance_type: "t3.micro", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 30 } }] } },
        aws_autoscaling_group: { asg: { min_size: 2, max_size: 4, launch_template: { id: "${aws_launch_template.lt.id}" } } },
        aws_nat_gateway: { nat: {} },
        aws_eip: { ip: {} },
        aws_lb: { alb: { load_balancer_type: "application", internal: false, subnets: ["a", "b"] } },
        aws_kms_key: { k: { customer_master_key_spec: "SYMMETRIC_DEFAULT" } },
        aws_route53_zone: { z: {} },
        aws_route53_health_check: { tcp: { type: "TCP", request_interval: 30 }, https: { type: "HTTPS_STR_MATCH", request_interval: 10 } },
        aws_wafv2_web_acl: { acl: { rule: [{}, {}, {}] } },
        aws_cloudwatch_metric_alarm: {
          one: {},
          math: {
            metric_query: [
              { id: "a", metric: {} },
              { id: "b", metric: {} },
              { id: "e", expression: "a/b" },
            ],
          },
        },
        aws_cloudwatch_dashboard: { d: {} },
        aws_secretsmanager_secret: { s: {} },
        aws_vpc: { v: {} },
      }),
      stack("app", {
        aws_rds_cluster: { c: { serverlessv2_scaling_configuration: [{ min_capacity: 0.5, max_capacity: 4 }] } },
        aws_rds_cluster_instance: { i1: { instance_class: "db.serverless", cluster_identifier: "${aws_rds_cluster.c.id}" } },
        aws_elasticache_replication_group: {
          rg: { node_type: "cache.t4g.micro", num_node_groups: 2, replicas_per_node_group: 1 },
          single: { node_type: "cache.t4g.micro", num_cache_clusters: 1 },
        },
        aws_elasticache_serverless_cache: { sc: { engine: "redis", cache_usage_limits: [{ data_storage: [{ maximum: 5, unit: "GB" }] }] } },
        aws_instance: { host: { instance_type: "t3.xlarge", root_block_device: { volume_size: 50 } } },
      }),
    ]);
    const monthly = Object.fromEntries(result.items.map((i) => [`${i.workload}:${i.address}`, i.monthly]));
    expect(monthly).toEqual({
      // 0.225 × 730 × 2 + 100 GB × 0.115 × 2
      "platform:aws_db_instance.db": 351.5,
      // 0.018 × 730 + 20 GB (from its in-stack source) × 0.115
      "platform:aws_db_instance.replica": 15.44,
      "platform:aws_db_instance.small": 15.44,
      // 2 × 0.0104 × 730 + 2 × 30 GB × 0.08
      "platform:aws_autoscaling_group.asg": 19.98,
      "platform:aws_nat_gateway.nat": 32.85,
      "platform:aws_eip.ip": 3.65,
      // 0.0225 × 730 + 2 public IPv4 × 0.005 × 730
      "platform:aws_lb.alb": 23.73,
      "platform:aws_kms_key.k": 1,
      "platform:aws_route53_zone.z": 0.5,
      "platform:aws_route53_health_check.tcp": 0.5,
      // HTTPS + string match + 10 s interval
      "platform:aws_route53_health_check.https": 3.5,
      "platform:aws_wafv2_web_acl.acl": 8,
      "platform:aws_cloudwatch_metric_alarm.one": 0.1,
      "platform:aws_cloudwatch_metric_alarm.math": 0.2,
      "platform:aws_cloudwatch_dashboard.d": 3,
      "platform:aws_secretsmanager_secret.s": 0.4,
      // 0.5 ACU × 0.12 × 730
      "app:aws_rds_cluster_instance.i1": 43.8,
      // 4 nodes × 0.016 × 730
      "app:aws_elasticache_replication_group.rg": 46.72,
      "app:aws_elasticache_replication_group.single": 11.68,
      // minimum 1 GB × 0.125 × 730 (the maximum is not the floor)
      "app:aws_elasticache_serverless_cache.sc": 91.25,
      // 0.1664 × 730 + 50 GB × 0.08
      "app:aws_instance.host": 125.47,
    });
    expect(result.total).toBe(798.71);
    expect(result.unpriced).toEqual([
      {
        stack: "dev-us-east-1-app",
        workload: "app",
        address: "aws_rds_cluster.c",
        type: "aws_rds_cluster",
        reason: "Aurora storage and I/O (instances are priced separately)",
        kind: "usage",
      },
    ]);
  });

  it("reports unknown sizes, unknown types and usage-based resources as not priced, with the reason", () => {
    const result = estimate([
      stack("x", {
        aws_db_instance: { big: { instance_class: "db.x2g.16xlarge", allocated_storage: 10 } },
        aws_instance: { odd: { instance_type: "p5.48xlarge" } },
        aws_elasticache_replication_group: { r: { node_type: "cache.r5.24xlarge", num_cache_clusters: 2 } },
        aws_autoscaling_group: { a: { min_size: 1, launch_template: { id: "${data.terraform_remote_state.x.outputs.lt}" } } },
        aws_lambda_function: { f: {} },
        aws_dynamodb_table: { t: { billing_mode: "PAY_PER_REQUEST" }, p: { billing_mode: "PROVISIONED", read_capacity: 5 } },
        aws_neptune_cluster: { n: {} },
      }),
    ]);
    expect(result.items).toEqual([]);
    expect(result.total).toBe(0);
    expect(result.unpriced.map((u) => [u.address, u.kind, u.reason])).toEqual([
      ["aws_autoscaling_group.a", "unknown", "launch template not in this stack: instance type unknown"],
      ["aws_db_instance.big", "unknown", 'no price for RDS instance class "db.x2g.16xlarge" in apps/ops/src/cost/prices.ts'],
      ["aws_dynamodb_table.p", "unknown", "provisioned DynamoDB capacity is not in apps/ops/src/cost/prices.ts"],
      ["aws_dynamodb_table.t", "usage", "on-demand reads/writes, storage, PITR, streams"],
      ["aws_elasticache_replication_group.r", "unknown", 'no price for cache node type "cache.r5.24xlarge" in apps/ops/src/cost/prices.ts'],
      ["aws_instance.odd", "unknown", 'no price for instance type "p5.48xlarge" in apps/ops/src/cost/prices.ts'],
      ["aws_lambda_function.f", "usage", "requests and GB-seconds"],
      ["aws_neptune_cluster.n", "unknown", "no price rule for this resource type in apps/ops/src/cost/estimate.ts"],
    ]);
  });

  it("is deterministic: the input order does not change the result", () => {
    const a = stack("a", { aws_kms_key: { k2: {}, k1: {} }, aws_nat_gateway: { n: {} } });
    const b = stack("b", { aws_eip: { e: {} } });
    expect(estimate([b, a])).toEqual(estimate([a, b]));
    expect(estimate([a, b]).items.map((i) => `${i.stack}/${i.address}`)).toEqual([
      "dev-us-east-1-a/aws_kms_key.k1",
      "dev-us-east-1-a/aws_kms_key.k2",
      "dev-us-east-1-a/aws_nat_gateway.n",
      "dev-us-east-1-b/aws_eip.e",
    ]);
  });
});

describe("cost of the real envs", () => {
  const uat = costOfEnv(findEnv("uat"));

  it("uat's platform: seed 004 table sizes priced from the synthesized JSON; every resource priced or explained", () => {
    const platform = uat.workloads.find((w) => w.workload === "platform")!;
    // db.t3.small ×730 h $26.28 + 50 GB $5.75; 2 × t3.medium $60.74 + 2 × 30 GB $4.80;
    // NAT $32.85 + its EIP $3.65 + ALB $16.425 with a public IPv4 per AZ (3 × $3.65) = $27.38.
    expect(platform.byCategory.databases).toBe(32.03);
    expect(platform.byCategory.compute).toBe(65.54);
    expect(platform.byCategory.network).toBe(63.88);
    expect(platform.seed).toBe("~$150-200 (seed 004 cost allocation table)");
    expect(uat.unpriced.filter((u) => u.kind === "unknown")).toEqual([]);
  });

  it("the report names the seed's figure and what is not priced; two runs are identical", () => {
    const text = formatEnvCost(uat);
    expect(text).toContain("| platform |");
    expect(text).toContain("~$150-200 (seed 004 cost allocation table)");
    expect(text).toMatch(/Not priced, usage-based \(\d+ resources\): .*aws_cloudwatch_log_group ×\d+ \(log ingestion and storage\)/);
    expect(formatEnvCost(costOfEnv(findEnv("uat")))).toBe(text);
  });
});

describe("cost difference against a base synth (PR comment)", () => {
  const write = (root: string, stack: string, workload: string, resource: Record<string, unknown>) => {
    mkdirSync(join(root, stack), { recursive: true });
    writeFileSync(join(root, stack, "cdk.tf.json"), JSON.stringify({ provider: { aws: [{ default_tags: [{ tags: { Workload: workload } }] }] }, resource }));
  };

  it("prices both sides from their cdk.tf.json, per workload and per changed resource", () => {
    const base = mkdtempSync(join(tmpdir(), "cost-base-"));
    const head = mkdtempSync(join(tmpdir(), "cost-head-"));
    write(base, "dev-us-east-1-network-vpc", "platform", { aws_nat_gateway: { a: {} } });
    write(head, "dev-us-east-1-network-vpc", "platform", { aws_nat_gateway: { a: {}, b: {} } });
    write(head, "dev-us-east-1-timeline-data-rds", "timeline", {
      aws_db_instance: { db: { instance_class: "db.t3.micro", multi_az: false, allocated_storage: 20 } },
    });
    const diff = costDiff("dev", base, head);
    expect(diff).toMatchObject({ env: "dev", base: 32.85, head: 81.14, delta: 48.29 });
    expect(diff.workloads).toEqual([
      { workload: "platform", base: 32.85, head: 65.7, delta: 32.85 },
      { workload: "timeline", base: 0, head: 15.44, delta: 15.44 },
    ]);
    expect(diff.changes.map((c) => [c.address, c.base, c.head])).toEqual([
      ["aws_nat_gateway.b", 0, 32.85],
      ["aws_db_instance.db", 0, 15.44],
    ]);
    const md = formatCostDiff(diff);
    expect(md).toContain("Fixed monthly estimate: $32.85 → **$81.14** (+$48.29, +147.0%).");
    expect(md).toContain("| platform | $32.85 | $65.70 | +$32.85 |");
  });
});
