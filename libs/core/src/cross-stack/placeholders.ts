import { createHash } from "node:crypto";

/**
 * The one table of typed placeholders for cross-stack reads (Terragrunt's `mock_outputs`).
 *
 * When a producer stack has not been applied yet, a consumer's plan uses these values instead of
 * the producer's outputs. Each placeholder has the shape the provider validates at plan time where
 * consumers use it (an ARN of the right service, region and account; an id with the right prefix;
 * a hostname; a number for a port; a list for a list), and every one is recognisably fake: it
 * contains `placeholder` (any case), the run `00000000`, or an address/CIDR of the documentation
 * range 192.0.2.0/24 (RFC 5737). See docs/fresh-env-plan.md.
 */
export type PlaceholderValue = string | number | readonly string[];

export interface Placeholder {
  /** What the value stands for, for people: "KMS key ARN". */
  readonly kind: string;
  readonly value: PlaceholderValue;
}

/** Where the producing resource lives, and a seed that makes each placeholder distinct. */
export interface PlaceholderContext {
  /** @default "aws" — the partition follows the region when not given. */
  readonly partition?: string;
  readonly region: string;
  readonly account: string;
  /**
   * Unique per produced value (e.g. `<stack>/<type>.<name>.<attribute>`): two subnets of one list
   * must not collapse into one set element. Hashed; never shown.
   */
  readonly seed: string;
  /** The producing resource's configuration, when an entry needs it (a WAF ACL's scope); may be a lazy getter. @default {} */
  readonly config?: Readonly<Record<string, unknown>>;
}

/** A produced value: `${<type>.<name>.<attribute>}` in the producer (attribute may be a path). */
export interface ProducedAttribute {
  readonly resourceType: string;
  readonly attribute: string;
}

type Entry = (v: Values) => Placeholder;

/** The building blocks every entry shares, derived from the context. */
class Values {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  private readonly hash: string;

  constructor(private readonly ctx: PlaceholderContext) {
    this.partition = ctx.partition ?? partitionOf(ctx.region);
    this.region = ctx.region;
    this.account = ctx.account;
    this.hash = createHash("sha256").update(ctx.seed).digest("hex");
  }

  /** Read only by the entries that need it: resolving a resource's configuration is not free. */
  get config(): Readonly<Record<string, unknown>> {
    return this.ctx.config ?? {};
  }

  /** `n` lowercase hex characters of the seed's hash. */
  hex(n: number): string {
    return this.hash.slice(0, n);
  }

  /** A name every AWS naming rule here accepts: lowercase letter first, letters, digits, one hyphen. */
  get name(): string {
    return `placeholder-${this.hex(8)}`;
  }

  /** `00000000-0000-0000-0000-<12 hex>`: a UUID (KMS key id, WAF ACL id). */
  get uuid(): string {
    return `00000000-0000-0000-0000-${this.hex(12)}`;
  }

  /** An EC2-style id: `<prefix>-00000000<9 hex>` (17 characters after the prefix, as AWS issues them). */
  ec2Id(prefix: string): string {
    return `${prefix}-00000000${this.hex(9)}`;
  }

  /** A Route 53-style hosted zone id: uppercase letters and digits. */
  get zoneId(): string {
    return `Z00000000PLACEHOLDER${this.hex(4).toUpperCase()}`;
  }

  /** `n` characters of lowercase letters and digits, 00000000 first (API ids, client ids). */
  shortId(n: number): string {
    return `00000000${this.hex(Math.max(0, n - 8))}`.slice(0, n);
  }

  arn(service: string, resource: string, region: string = this.region, account: string = this.account): string {
    return `arn:${this.partition}:${service}:${region}:${account}:${resource}`;
  }

  get userPoolId(): string {
    return `${this.region}_placeholder${this.hex(8)}`;
  }

  /** A documentation-range address (RFC 5737), distinct per seed. */
  get ipv4(): string {
    return `192.0.2.${1 + (parseInt(this.hex(4), 16) % 254)}`;
  }

  get apiGatewayHost(): string {
    return `d-${this.shortId(10)}.execute-api.${this.region}.amazonaws.com`;
  }
}

const string =
  (kind: string, value: (v: Values) => string): Entry =>
  (v) => ({ kind, value: value(v) });

const lambdaArn = (v: Values): string => v.arn("lambda", `function:${v.name}`);
const rdsPort = (v: Values): number => {
  const port = v.config["port"];
  if (typeof port === "number") return port;
  return String(v.config["engine"] ?? "").includes("mysql") ? 3306 : 5432;
};

/**
 * `<resource type>.<attribute>` → placeholder. Attributes are written as Terraform references
 * them after the resource name (`endpoint[0].address`).
 */
const TABLE: Readonly<Record<string, Entry>> = {
  "aws_api_gateway_domain_name.regional_domain_name": string("API Gateway regional domain name", (v) => v.apiGatewayHost),
  "aws_api_gateway_domain_name.regional_zone_id": string("hosted zone id", (v) => v.zoneId),
  "aws_api_gateway_rest_api.id": string("REST API id", (v) => v.shortId(10)),
  "aws_api_gateway_rest_api.name": string("REST API name", (v) => v.name),
  "aws_api_gateway_rest_api.root_resource_id": string("REST API root resource id", (v) => v.shortId(10)),
  "aws_api_gateway_rest_api.execution_arn": string("REST API execution ARN", (v) => v.arn("execute-api", v.shortId(10))),
  "aws_api_gateway_stage.stage_name": string("API stage name", (v) => v.name),
  "aws_apigatewayv2_api.id": string("HTTP/WebSocket API id", (v) => v.shortId(10)),
  "aws_apigatewayv2_api.api_endpoint": string("API endpoint", (v) => `https://${v.shortId(10)}.execute-api.${v.region}.amazonaws.com`),
  "aws_apigatewayv2_api.execution_arn": string("API execution ARN", (v) => v.arn("execute-api", v.shortId(10))),
  "aws_apigatewayv2_domain_name.domain_name_configuration[0].hosted_zone_id": string("hosted zone id", (v) => v.zoneId),
  "aws_apigatewayv2_domain_name.domain_name_configuration[0].target_domain_name": string("API Gateway domain name", (v) => v.apiGatewayHost),
  "aws_apigatewayv2_stage.name": string("API stage name", (v) => v.name),
  "aws_autoscaling_group.name": string("Auto Scaling group name", (v) => v.name),
  "aws_autoscaling_group.arn": string("Auto Scaling group ARN", (v) => v.arn("autoscaling", `autoScalingGroup:${v.uuid}:autoScalingGroupName/${v.name}`)),
  "aws_cloudfront_distribution.id": string("CloudFront distribution id", (v) => `E00000000${v.hex(5).toUpperCase()}`),
  "aws_backup_vault.arn": string("AWS Backup vault ARN", (v) => v.arn("backup", `backup-vault:${v.name}`)),
  "aws_cloudfront_distribution.arn": string("CloudFront distribution ARN", (v) => v.arn("cloudfront", `distribution/E00000000${v.hex(5).toUpperCase()}`, "")),
  "aws_cloudfront_distribution.domain_name": string("CloudFront domain name", (v) => `d00000000${v.hex(5)}.cloudfront.net`),
  "aws_cloudfront_distribution.hosted_zone_id": string("hosted zone id", (v) => v.zoneId),
  "aws_cloudwatch_event_bus.arn": string("EventBridge bus ARN", (v) => v.arn("events", `event-bus/${v.name}`)),
  "aws_cloudwatch_event_bus.name": string("EventBridge bus name", (v) => v.name),
  "aws_cloudwatch_metric_alarm.alarm_name": string("CloudWatch alarm name", (v) => v.name),
  "aws_cloudwatch_metric_alarm.arn": string("CloudWatch alarm ARN", (v) => v.arn("cloudwatch", `alarm:${v.name}`)),
  "aws_cloudwatch_log_group.arn": string("log group ARN", (v) => v.arn("logs", `log-group:${v.name}`)),
  "aws_cloudwatch_log_group.name": string("log group name", (v) => v.name),
  "aws_cognito_user_pool.arn": string("Cognito user pool ARN", (v) => v.arn("cognito-idp", `userpool/${v.userPoolId}`)),
  "aws_cognito_user_pool.id": string("Cognito user pool id", (v) => v.userPoolId),
  "aws_cognito_user_pool.endpoint": string("Cognito user pool endpoint", (v) => `cognito-idp.${v.region}.amazonaws.com/${v.userPoolId}`),
  "aws_cognito_user_pool_client.id": string("Cognito app client id", (v) => `placeholder${v.shortId(15)}`),
  "aws_db_instance.arn": string("RDS instance ARN", (v) => v.arn("rds", `db:${v.name}`)),
  "aws_db_instance.identifier": string("RDS instance identifier", (v) => v.name),
  "aws_db_instance.address": string("RDS instance hostname", (v) => `${v.name}.000000000000.${v.region}.rds.amazonaws.com`),
  "aws_db_instance.port": (v) => ({ kind: "database port", value: rdsPort(v) }),
  "aws_db_instance.master_user_secret[0].secret_arn": string("Secrets Manager secret ARN", (v) => v.arn("secretsmanager", `secret:rds!db-${v.uuid}-000000`)),
  "aws_db_subnet_group.name": string("DB subnet group name", (v) => v.name),
  "aws_dynamodb_table.name": string("DynamoDB table name", (v) => v.name),
  "aws_dynamodb_table.arn": string("DynamoDB table ARN", (v) => v.arn("dynamodb", `table/${v.name}`)),
  "aws_dynamodb_table.stream_arn": string("DynamoDB stream ARN", (v) => v.arn("dynamodb", `table/${v.name}/stream/1970-01-01T00:00:00.000`)),
  "aws_ecr_repository.arn": string("ECR repository ARN", (v) => v.arn("ecr", `repository/${v.name}`)),
  "aws_ecr_repository.repository_url": string("ECR repository URL", (v) => `${v.account}.dkr.ecr.${v.region}.amazonaws.com/${v.name}`),
  "aws_ecs_capacity_provider.name": string("ECS capacity provider name", (v) => v.name),
  "aws_ecs_cluster.arn": string("ECS cluster ARN", (v) => v.arn("ecs", `cluster/${v.name}`)),
  "aws_ecs_cluster.name": string("ECS cluster name", (v) => v.name),
  "aws_ecs_service.name": string("ECS service name", (v) => v.name),
  "aws_eip.public_ip": string("public IPv4 address (documentation range)", (v) => v.ipv4),
  "aws_elasticache_replication_group.arn": string("ElastiCache replication group ARN", (v) => v.arn("elasticache", `replicationgroup:${v.name}`)),
  "aws_elasticache_replication_group.primary_endpoint_address": string("cache hostname", (v) => `master.${v.name}.000000.${v.region}.cache.amazonaws.com`),
  "aws_elasticache_replication_group.reader_endpoint_address": string("cache hostname", (v) => `replica.${v.name}.000000.${v.region}.cache.amazonaws.com`),
  "aws_elasticache_replication_group.port": () => ({ kind: "cache port", value: 6379 }),
  "aws_elasticache_serverless_cache.arn": string("ElastiCache serverless cache ARN", (v) => v.arn("elasticache", `serverlesscache:${v.name}`)),
  "aws_elasticache_serverless_cache.name": string("ElastiCache serverless cache name", (v) => v.name),
  "aws_elasticache_serverless_cache.endpoint[0].address": string("cache hostname", (v) => `${v.name}-000000.serverless.${v.region}.cache.amazonaws.com`),
  "aws_elasticache_serverless_cache.endpoint[0].port": () => ({ kind: "cache port", value: 6379 }),
  "aws_elasticache_serverless_cache.reader_endpoint[0].address": string("cache hostname", (v) => `${v.name}-000000.serverless.${v.region}.cache.amazonaws.com`),
  "aws_elasticache_serverless_cache.reader_endpoint[0].port": () => ({ kind: "cache port", value: 6380 }),
  "aws_elasticache_user.arn": string("ElastiCache user ARN", (v) => v.arn("elasticache", `user:${v.name}`)),
  // An OIDC provider's ARN names its URL's host; the placeholder host is under .invalid (RFC 2606): never a real issuer.
  "aws_iam_openid_connect_provider.arn": string("IAM OIDC provider ARN", (v) => v.arn("iam", `oidc-provider/${v.name}.invalid`, "")),
  "aws_iam_role.name": string("IAM role name", (v) => v.name),
  "aws_iam_role.arn": string("IAM role ARN", (v) => v.arn("iam", `role/${v.name}`, "")),
  "aws_instance.id": string("EC2 instance id", (v) => v.ec2Id("i")),
  "aws_instance.private_ip": string("private IPv4 address (documentation range)", (v) => v.ipv4),
  "aws_kms_key.arn": string("KMS key ARN", (v) => v.arn("kms", `key/${v.uuid}`)),
  "aws_kms_key.key_id": string("KMS key id", (v) => v.uuid),
  "aws_kms_key.id": string("KMS key id", (v) => v.uuid),
  // An alias ARN is the function's ARN qualified by the alias name (seed 003 canaries invoke `live`).
  "aws_lambda_alias.arn": string("Lambda alias ARN", (v) => `${lambdaArn(v)}:${String(v.config["name"] ?? "live")}`),
  // The name carries the placeholder marker like every other name here (the guard recognizes it).
  "aws_lambda_alias.name": string("Lambda alias name", (v) => v.name),
  "aws_lambda_alias.function_name": string("Lambda function name", (v) => v.name),
  "aws_lambda_alias.invoke_arn": string("Lambda alias invoke ARN", (v) =>
    v.arn("apigateway", `path/2015-03-31/functions/${lambdaArn(v)}:${String(v.config["name"] ?? "live")}/invocations`, v.region, "lambda"),
  ),
  "aws_lambda_function.arn": string("Lambda function ARN", lambdaArn),
  "aws_lambda_function.function_name": string("Lambda function name", (v) => v.name),
  "aws_lambda_function.invoke_arn": string("Lambda invoke ARN", (v) =>
    v.arn("apigateway", `path/2015-03-31/functions/${lambdaArn(v)}/invocations`, v.region, "lambda"),
  ),
  "aws_lambda_function.qualified_arn": string("Lambda version ARN", (v) => `${lambdaArn(v)}:1`),
  "aws_lb.arn": string("load balancer ARN", (v) => v.arn("elasticloadbalancing", `loadbalancer/app/${v.name}/00000000${v.hex(8)}`)),
  "aws_lb.dns_name": string("load balancer DNS name", (v) => `${v.name}-0000000000.${v.region}.elb.amazonaws.com`),
  "aws_lb.zone_id": string("hosted zone id", (v) => v.zoneId),
  "aws_lb.arn_suffix": string("load balancer ARN suffix (CloudWatch LoadBalancer dimension)", (v) => `app/${v.name}/00000000${v.hex(8)}`),
  "aws_lb_target_group.arn": string("target group ARN", (v) => v.arn("elasticloadbalancing", `targetgroup/${v.name}/00000000${v.hex(8)}`)),
  "aws_lb_target_group.arn_suffix": string("target group ARN suffix (CloudWatch TargetGroup dimension)", (v) => `targetgroup/${v.name}/00000000${v.hex(8)}`),
  "aws_lb_listener.arn": string("listener ARN", (v) => v.arn("elasticloadbalancing", `listener/app/${v.name}/00000000${v.hex(8)}/00000000${v.hex(8)}`)),
  "aws_rds_cluster.arn": string("Aurora cluster ARN", (v) => v.arn("rds", `cluster:${v.name}`)),
  "aws_rds_cluster.cluster_identifier": string("Aurora cluster identifier", (v) => v.name),
  "aws_rds_cluster.cluster_resource_id": string("Aurora cluster resource id", (v) => `cluster-PLACEHOLDER0000000${v.hex(8).toUpperCase()}`),
  "aws_rds_cluster.endpoint": string("Aurora writer hostname", (v) => `${v.name}.cluster-000000000000.${v.region}.rds.amazonaws.com`),
  "aws_rds_cluster.reader_endpoint": string("Aurora reader hostname", (v) => `${v.name}.cluster-ro-000000000000.${v.region}.rds.amazonaws.com`),
  "aws_rds_cluster.port": (v) => ({ kind: "database port", value: rdsPort(v) }),
  "aws_rds_global_cluster.id": string("Aurora global cluster identifier", (v) => v.name),
  "aws_rds_global_cluster.arn": string("Aurora global cluster ARN", (v) => v.arn("rds", `global-cluster:${v.name}`, "")),
  "aws_route53_zone.zone_id": string("hosted zone id", (v) => v.zoneId),
  "aws_route53_zone.arn": string("hosted zone ARN", (v) => v.arn("route53", `hostedzone/${v.zoneId}`, "", "")),
  "aws_route53_zone.name_servers": (v) => ({
    kind: "name servers",
    value: [1, 2, 3, 4].map((n) => `ns-placeholder-${v.hex(4)}-${n}.awsdns-00.invalid`),
  }),
  "aws_route_table.id": string("route table id", (v) => v.ec2Id("rtb")),
  "aws_s3_bucket.arn": string("S3 bucket ARN", (v) => v.arn("s3", v.name, "", "")),
  "aws_s3_bucket.bucket": string("S3 bucket name", (v) => v.name),
  "aws_s3_bucket.id": string("S3 bucket name", (v) => v.name),
  "aws_s3_bucket.bucket_regional_domain_name": string("S3 regional domain name", (v) => `${v.name}.s3.${v.region}.amazonaws.com`),
  "aws_s3_bucket.bucket_domain_name": string("S3 domain name", (v) => `${v.name}.s3.amazonaws.com`),
  "aws_secretsmanager_secret.arn": string("Secrets Manager secret ARN", (v) => v.arn("secretsmanager", `secret:${v.name}-000000`)),
  "aws_secretsmanager_secret.id": string("Secrets Manager secret ARN", (v) => v.arn("secretsmanager", `secret:${v.name}-000000`)),
  "aws_secretsmanager_secret.name": string("Secrets Manager secret name", (v) => v.name),
  "aws_security_group.id": string("security group id", (v) => v.ec2Id("sg")),
  "aws_sns_topic.arn": string("SNS topic ARN", (v) => v.arn("sns", v.name)),
  "aws_sqs_queue.arn": string("SQS queue ARN", (v) => v.arn("sqs", v.name)),
  "aws_sqs_queue.name": string("SQS queue name", (v) => v.name),
  "aws_sqs_queue.url": string("SQS queue URL", (v) => `https://sqs.${v.region}.amazonaws.com/${v.account}/${v.name}`),
  "aws_sqs_queue.id": string("SQS queue URL", (v) => `https://sqs.${v.region}.amazonaws.com/${v.account}/${v.name}`),
  "aws_subnet.id": string("subnet id", (v) => v.ec2Id("subnet")),
  "aws_timestreamwrite_database.arn": string("Timestream database ARN", (v) => v.arn("timestream", `database/${v.name}`)),
  "aws_timestreamwrite_database.database_name": string("Timestream database name", (v) => v.name),
  "aws_timestreamwrite_table.arn": string("Timestream table ARN", (v) => v.arn("timestream", `database/${v.name}/table/${v.name}`)),
  "aws_timestreamwrite_table.table_name": string("Timestream table name", (v) => v.name),
  "aws_vpc.id": string("VPC id", (v) => v.ec2Id("vpc")),
  "aws_vpc.cidr_block": string("CIDR block (documentation range)", () => "192.0.2.0/24"),
  "aws_wafv2_web_acl.arn": string("WAF web ACL ARN", (v) =>
    v.config["scope"] === "CLOUDFRONT"
      ? v.arn("wafv2", `global/webacl/${v.name}/${v.uuid}`, "us-east-1")
      : v.arn("wafv2", `regional/webacl/${v.name}/${v.uuid}`),
  ),
};

/** The table's keys, for tests and docs. */
export const PLACEHOLDER_TABLE_KEYS: readonly string[] = Object.keys(TABLE).sort();

/**
 * The placeholder for one produced value: the table entry for `<type>.<attribute>`, or a generic
 * one by the attribute's name (an ARN for `arn`/`*_arn`, a marked string otherwise).
 */
export function placeholderFor(produced: ProducedAttribute, ctx: PlaceholderContext): Placeholder {
  const v = new Values(ctx);
  const entry = TABLE[`${produced.resourceType}.${produced.attribute}`];
  if (entry) return entry(v);
  const last = produced.attribute
    .split(".")
    .at(-1)!
    .replace(/\[\d+\]$/, "");
  if (last === "arn" || last.endsWith("_arn")) {
    return { kind: "ARN (generic)", value: v.arn(serviceOf(produced.resourceType), `placeholder/${v.name}`) };
  }
  return { kind: "value (generic)", value: v.name };
}

/** True when a value carries one of the placeholder marks; every table entry's value does. */
export function isMarkedPlaceholder(value: PlaceholderValue): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((x) => isMarkedPlaceholder(x));
  if (typeof value === "number") return true; // ports: a real value is as good as any; the check block names them.
  return /placeholder|00000000|^192\.0\.2\.\d+(\/24)?$/i.test(value as string);
}

/** `aws_foo_bar` → "foo": a service for a generic ARN. */
function serviceOf(resourceType: string): string {
  return resourceType.replace(/^aws_/, "").split("_")[0] || "placeholder";
}

function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}
