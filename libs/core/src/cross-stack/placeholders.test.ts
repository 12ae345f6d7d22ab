import { describe, expect, it } from "vitest";
import { PLACEHOLDER_TABLE_KEYS, type PlaceholderContext, isMarkedPlaceholder, placeholderFor } from "./placeholders";

const ctx: PlaceholderContext = { region: "us-east-1", account: "111111111111", seed: "dev-us-east-1-x aws_thing.a.attr" };
const of = (key: string, c: Partial<PlaceholderContext> = {}) => {
  const [resourceType, ...rest] = key.split(".");
  return placeholderFor({ resourceType: resourceType!, attribute: rest.join(".") }, { ...ctx, ...c });
};

/**
 * The AWS provider's ARN check (internal/verify ValidARN): `arn:<partition>:<service>:<region>:<account>:<resource>`,
 * partition and service non-empty, region empty or a region, account empty or 12 digits (or `aws`/`lambda` for
 * service-owned ARNs such as API Gateway's Lambda integration ARN).
 */
const ARN = /^arn:aws(-[a-z-]+)?:[a-z0-9-]+:([a-z]{2}(-gov)?-[a-z]+-\d)?:(\d{12}|lambda|aws)?:.+$/;
/** Names every AWS naming rule we feed them to accepts (S3 bucket, RDS identifier, Lambda, DynamoDB, ...). */
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const HOST = /^[a-z0-9][a-z0-9.-]*\.[a-z]+$/;

/** What each kind of table entry must look like where a consumer uses it. */
function expectedShape(key: string): RegExp | "number" | "list" {
  const attribute = key.slice(key.indexOf(".") + 1);
  if (attribute === "name_servers") return "list";
  if (/port$/.test(attribute)) return "number";
  if (/arn$/.test(attribute) || key === "aws_secretsmanager_secret.id") return ARN;
  if (key === "aws_vpc.id") return /^vpc-[0-9a-f]{17}$/;
  if (key === "aws_subnet.id") return /^subnet-[0-9a-f]{17}$/;
  if (key === "aws_security_group.id") return /^sg-[0-9a-f]{17}$/;
  if (key === "aws_route_table.id") return /^rtb-[0-9a-f]{17}$/;
  if (key === "aws_instance.id") return /^i-[0-9a-f]{17}$/;
  if (/zone_id$/.test(attribute)) return /^Z[0-9A-Z]{1,31}$/;
  if (key === "aws_kms_key.id" || key === "aws_kms_key.key_id") return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  if (/public_ip|private_ip/.test(attribute)) return /^192\.0\.2\.\d{1,3}$/;
  if (attribute === "cidr_block") return /^192\.0\.2\.0\/24$/;
  if (/url$|^id$/.test(attribute) && key.startsWith("aws_sqs_queue"))
    return /^https:\/\/sqs\.us-east-1\.amazonaws\.com\/111111111111\/placeholder-[0-9a-f]{8}$/;
  if (key === "aws_ecr_repository.repository_url") return /^111111111111\.dkr\.ecr\.us-east-1\.amazonaws\.com\/placeholder-[0-9a-f]{8}$/;
  if (key === "aws_cognito_user_pool.id") return /^us-east-1_[0-9a-zA-Z]+$/;
  if (key === "aws_cognito_user_pool.endpoint") return /^cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_[0-9a-zA-Z]+$/;
  if (key === "aws_cognito_user_pool_client.id") return /^[a-z0-9]{26}$/;
  if (key === "aws_cloudfront_distribution.id") return /^E[0-9A-Z]{13}$/;
  // CloudWatch's LoadBalancer / TargetGroup dimensions: the ARN after "loadbalancer/" or the account.
  if (key === "aws_lb.arn_suffix") return /^app\/placeholder-[0-9a-f]{8}\/[0-9a-f]{16}$/;
  if (key === "aws_lb_target_group.arn_suffix") return /^targetgroup\/placeholder-[0-9a-f]{8}\/[0-9a-f]{16}$/;
  if (key === "aws_rds_cluster.cluster_resource_id") return /^cluster-[0-9A-Z]{26}$/;
  if (/^aws_api_?gateway/.test(key) && /^(id|root_resource_id)$/.test(attribute)) return /^[a-z0-9]{10}$/;
  if (/endpoint|domain_name|address|dns_name|api_endpoint/.test(attribute))
    return attribute === "api_endpoint" ? /^https:\/\/[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/ : HOST;
  return NAME;
}

describe("the placeholder table", () => {
  it("covers every cross-stack output the envs produce today", () => {
    // From the synthesized envs (docs/fresh-env-plan.md lists how to regenerate): every <type>.<attribute>
    // read across stacks has its own entry, so no read falls back to the generic placeholder.
    for (const key of [
      "aws_api_gateway_domain_name.regional_domain_name",
      "aws_api_gateway_domain_name.regional_zone_id",
      "aws_api_gateway_rest_api.id",
      "aws_api_gateway_rest_api.name",
      "aws_api_gateway_stage.stage_name",
      "aws_apigatewayv2_api.id",
      "aws_apigatewayv2_domain_name.domain_name_configuration[0].hosted_zone_id",
      "aws_apigatewayv2_domain_name.domain_name_configuration[0].target_domain_name",
      "aws_apigatewayv2_stage.name",
      "aws_autoscaling_group.name",
      "aws_backup_vault.arn",
      "aws_cloudfront_distribution.id",
      "aws_cloudwatch_event_bus.arn",
      "aws_cloudwatch_event_bus.name",
      "aws_cloudwatch_log_group.arn",
      "aws_cognito_user_pool.arn",
      "aws_cognito_user_pool.endpoint",
      "aws_cognito_user_pool.id",
      "aws_cognito_user_pool_client.id",
      "aws_db_instance.arn",
      "aws_db_instance.identifier",
      "aws_db_instance.master_user_secret[0].secret_arn",
      "aws_db_subnet_group.name",
      "aws_dynamodb_table.name",
      "aws_ecr_repository.arn",
      "aws_ecs_cluster.arn",
      "aws_ecs_cluster.name",
      "aws_eip.public_ip",
      "aws_elasticache_replication_group.arn",
      "aws_elasticache_replication_group.primary_endpoint_address",
      "aws_elasticache_serverless_cache.arn",
      "aws_elasticache_serverless_cache.endpoint[0].address",
      "aws_elasticache_serverless_cache.name",
      "aws_elasticache_serverless_cache.reader_endpoint[0].address",
      "aws_elasticache_user.arn",
      "aws_iam_role.name",
      "aws_instance.id",
      "aws_kms_key.arn",
      "aws_lambda_function.arn",
      "aws_lambda_function.function_name",
      "aws_lambda_function.invoke_arn",
      "aws_lb.dns_name",
      "aws_lb.zone_id",
      "aws_rds_cluster.cluster_identifier",
      "aws_rds_cluster.cluster_resource_id",
      "aws_rds_cluster.endpoint",
      "aws_rds_cluster.reader_endpoint",
      "aws_rds_global_cluster.id",
      "aws_route53_zone.zone_id",
      "aws_route_table.id",
      "aws_s3_bucket.arn",
      "aws_s3_bucket.bucket",
      "aws_secretsmanager_secret.arn",
      "aws_security_group.id",
      "aws_sns_topic.arn",
      "aws_sqs_queue.arn",
      "aws_sqs_queue.name",
      "aws_sqs_queue.url",
      "aws_subnet.id",
      "aws_timestreamwrite_database.database_name",
      "aws_timestreamwrite_table.arn",
      "aws_timestreamwrite_table.table_name",
      "aws_vpc.id",
      "aws_wafv2_web_acl.arn",
      "aws_lb.arn_suffix",
      "aws_lb_target_group.arn_suffix",
      "aws_ecs_service.name",
      "aws_ecs_capacity_provider.name",
    ]) {
      expect(PLACEHOLDER_TABLE_KEYS, key).toContain(key);
    }
  });

  it.each(PLACEHOLDER_TABLE_KEYS)("%s: the shape the provider accepts where it is used, and marked as a placeholder", (key) => {
    const { value, kind } = of(key);
    expect(kind).not.toMatch(/generic/);
    expect(isMarkedPlaceholder(value), `${key} = ${JSON.stringify(value)}`).toBe(true);
    const shape = expectedShape(key);
    if (shape === "number") expect(typeof value).toBe("number");
    else if (shape === "list") {
      expect(Array.isArray(value)).toBe(true);
      expect(value).toHaveLength(4);
      expect(new Set(value as string[]).size).toBe(4);
    } else expect(value).toMatch(shape);
  });

  it("ARNs name the producer's region and account, and the service of the resource type", () => {
    expect(of("aws_kms_key.arn").value).toMatch(/^arn:aws:kms:us-east-1:111111111111:key\/00000000-0000-0000-0000-[0-9a-f]{12}$/);
    expect(of("aws_kms_key.arn", { region: "eu-west-1", account: "444444444444" }).value).toMatch(/^arn:aws:kms:eu-west-1:444444444444:key\//);
    expect(of("aws_sqs_queue.arn").value).toMatch(/^arn:aws:sqs:us-east-1:111111111111:placeholder-[0-9a-f]{8}$/);
    expect(of("aws_lambda_function.invoke_arn").value).toMatch(
      /^arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:us-east-1:111111111111:function:placeholder-[0-9a-f]{8}\/invocations$/,
    );
    // Global services: no region (S3, IAM, CloudFront, Route 53).
    expect(of("aws_s3_bucket.arn").value).toMatch(/^arn:aws:s3:::placeholder-[0-9a-f]{8}$/);
    expect(of("aws_iam_role.arn").value).toMatch(/^arn:aws:iam::111111111111:role\/placeholder-[0-9a-f]{8}$/);
    expect(of("aws_kms_key.arn", { region: "cn-north-1" }).value).toMatch(/^arn:aws-cn:kms:cn-north-1:/);
  });

  it("a CloudFront-scoped web ACL is global (us-east-1), a regional one is in the producer's region", () => {
    expect(of("aws_wafv2_web_acl.arn", { region: "eu-west-1", config: { scope: "CLOUDFRONT" } }).value).toMatch(
      /^arn:aws:wafv2:us-east-1:111111111111:global\/webacl\/placeholder-[0-9a-f]{8}\/00000000-/,
    );
    expect(of("aws_wafv2_web_acl.arn", { region: "eu-west-1", config: { scope: "REGIONAL" } }).value).toMatch(
      /^arn:aws:wafv2:eu-west-1:111111111111:regional\/webacl\//,
    );
  });

  it("database ports follow the engine", () => {
    expect(of("aws_rds_cluster.port", { config: { engine: "aurora-postgresql" } }).value).toBe(5432);
    expect(of("aws_db_instance.port", { config: { engine: "mysql" } }).value).toBe(3306);
    expect(of("aws_db_instance.port", { config: { engine: "postgres", port: 6543 } }).value).toBe(6543);
  });

  it("is deterministic per seed and distinct across seeds (three subnets stay three set elements)", () => {
    expect(of("aws_subnet.id")).toEqual(of("aws_subnet.id"));
    const ids = ["a", "b", "c"].map((n) => of("aws_subnet.id", { seed: `s aws_subnet.${n}.id` }).value);
    expect(new Set(ids).size).toBe(3);
  });

  it("unknown outputs get a generic placeholder by attribute name: an ARN for *arn, a marked name otherwise", () => {
    expect(of("aws_foo_bar.arn")).toEqual({
      kind: "ARN (generic)",
      value: expect.stringMatching(/^arn:aws:foo:us-east-1:111111111111:placeholder\/placeholder-[0-9a-f]{8}$/),
    });
    expect(of("aws_foo_bar.role_arn").value).toMatch(ARN);
    expect(of("aws_foo_bar.something")).toEqual({ kind: "value (generic)", value: expect.stringMatching(NAME) });
    expect(isMarkedPlaceholder(of("aws_foo_bar.something").value)).toBe(true);
  });

  it("recognises its marks and nothing else", () => {
    expect(isMarkedPlaceholder("vpc-00000000abcdef123")).toBe(true);
    expect(isMarkedPlaceholder("vpc-0a1b2c3d4e5f60718")).toBe(false);
    expect(isMarkedPlaceholder("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab")).toBe(false);
    expect(isMarkedPlaceholder([])).toBe(false);
  });
});
