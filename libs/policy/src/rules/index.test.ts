import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRules, coverage, ruleById } from ".";

describe("rule registry", () => {
  it("has unique ids of the form INF-<AREA>-NNN", () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^INF-[A-Z0-9]+-\d{3}$/.test(id))).toEqual([]);
    expect(ruleById("INF-S3-001")?.title).toBe("S3 bucket has a public access block with all four flags true");
  });

  it("covers every row of the security catalogue (docs/POLICIES.md, rows 1-69)", () => {
    const rows = new Set(allRules.flatMap((r) => r.catalogue));
    expect(Array.from({ length: 69 }, (_, i) => i + 1).filter((row) => !rows.has(row))).toEqual([]);
  });

  it("maps every resource type the stacks create to its rules, in one place", () => {
    const required = [
      "aws_vpc",
      "aws_security_group",
      "aws_security_group_rule",
      "aws_vpc_security_group_ingress_rule",
      "aws_subnet",
      "aws_instance",
      "aws_launch_template",
      "aws_db_instance",
      "aws_rds_cluster",
      "aws_rds_cluster_instance",
      "aws_db_parameter_group",
      "aws_rds_cluster_parameter_group",
      "aws_dynamodb_table",
      "aws_elasticache_replication_group",
      "aws_elasticache_serverless_cache",
      "aws_opensearch_domain",
      "aws_s3_bucket",
      "aws_cloudfront_distribution",
      "aws_wafv2_web_acl",
      "aws_lb",
      "aws_lb_listener",
      "aws_ecs_cluster",
      "aws_ecs_task_definition",
      "aws_ecs_service",
      "aws_lambda_function",
      "aws_apigatewayv2_stage",
      "aws_apigatewayv2_route",
      "aws_cloudwatch_log_group",
      "aws_cloudwatch_metric_alarm",
      "aws_kms_key",
      "aws_secretsmanager_secret",
      "aws_sqs_queue",
      "aws_sns_topic",
      "aws_timestreamwrite_database",
      "aws_ecr_repository",
      "aws_cognito_user_pool",
      "aws_cognito_identity_pool",
      "aws_route53_zone",
      "aws_ebs_volume",
    ];
    expect(required.filter((type) => !coverage[type]?.length)).toEqual([]);
    expect(coverage["aws_s3_bucket"]).toEqual(["INF-S3-001", "INF-S3-002", "INF-S3-003", "INF-S3-004", "INF-S3-005", "INF-S3-006", "INF-S3-007"]);
  });

  it("has a Compliance and a Noncompliance test naming every rule", () => {
    const tests = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith(".test.ts") && f !== "index.test.ts")
      .map((f) => readFileSync(join(import.meta.dirname, f), "utf8"));
    // A table (ruleCases(rule, "<id> ...", { compliant, noncompliant })) or hand-written its naming the id.
    const tested = (t: string, id: string) =>
      (t.includes(`ruleCases(`) && t.includes(`"${id} `) && t.includes("compliant:") && t.includes("noncompliant:")) ||
      (t.includes(`"${id}"`) && t.includes("Compliance") && t.includes("Noncompliance"));
    const untested = allRules.filter((r) => !tests.some((t) => tested(t, r.id)));
    expect(untested.map((r) => r.id)).toEqual([]);
  });
});
