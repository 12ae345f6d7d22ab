/**
 * AWS API constraints on names and descriptions, per Terraform attribute: the pattern and length
 * each service's Create call validates (API references; the provider checks only some of them, so
 * a bad name often passes `validate` and fails at apply). One row per (type, attribute).
 */
import type { JsonObject } from "../../types";

export interface NamePattern {
  readonly type: string;
  /** Dotted path; list blocks are searched (e.g. `rule.name`). */
  readonly attribute: string;
  readonly pattern?: RegExp;
  readonly min?: number;
  readonly max?: number;
  /** What is allowed, in words (shown as `expected`). */
  readonly allowed: string;
  /** Values AWS reserves or refuses although they match the pattern. */
  readonly forbidden?: readonly { readonly test: RegExp; readonly why: string }[];
}

const IAM_NAME = /^[\w+=,.@-]+$/;
const IAM_PATH = /^\/$|^\/[\u0021-\u007E]+\/$/;
const RDS_ID = /^[a-z][a-z0-9-]*$/;
const NO_DOUBLE_HYPHEN = [
  { test: /--/, why: "two consecutive hyphens" },
  { test: /-$/, why: "ends with a hyphen" },
];
const LB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const WAF_NAME = /^[\w-]+$/;
const WAF_DESCRIPTION = /^[\w+=:#@/\-,.][\w+=:#@/\-,.\s]+[\w+=:#@/\-,.]$/;
const WAF_METRIC = /^[\w#:.\-/]+$/;
const SG_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const SG_ALLOWED = "ASCII letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* (no other characters, no non-ASCII), at most 255";
const STATE_MACHINE = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]+$/;

const waf = (type: string): NamePattern[] => [
  { type, attribute: "name", pattern: WAF_NAME, min: 1, max: 128, allowed: "letters, digits, _ and -, 1-128 characters" },
  {
    type,
    attribute: "description",
    pattern: WAF_DESCRIPTION,
    min: 1,
    max: 256,
    allowed: "1-256 characters matching ^[\\w+=:#@/\\-,\\.][\\w+=:#@/\\-,\\.\\s]+[\\w+=:#@/\\-,\\.]$ (no parentheses, quotes, ; or non-ASCII)",
  },
];
/** An RDS/ElastiCache-style identifier: lower-case, a letter first, no "--" or trailing hyphen, at most `max`. */
const rdsStyleId = (type: string, attribute: string, max: number): NamePattern => ({
  type,
  attribute,
  pattern: RDS_ID,
  min: 1,
  max,
  allowed: `lower-case letters, digits and -, starting with a letter${max < 255 ? `, 1-${max} characters` : ""}`,
  forbidden: NO_DOUBLE_HYPHEN,
});
/** An ELB name (load balancer, target group) and its `name_prefix`, to which the provider appends a suffix. */
const lbNames = (type: string, forbidden?: NamePattern["forbidden"]): NamePattern[] => [
  {
    type,
    attribute: "name",
    pattern: LB_NAME,
    min: 1,
    max: 32,
    allowed: "letters, digits and -, 1-32 characters, no leading/trailing hyphen",
    ...(forbidden ? { forbidden } : {}),
  },
  { type, attribute: "name_prefix", pattern: LB_NAME, min: 1, max: 6, allowed: "at most 6 characters (the provider appends a suffix)" },
];
/** An ElastiCache user or user group id: a letter first (either case), no "--" or trailing hyphen, at most 40. */
const elasticacheUserId = (type: string, attribute: string): NamePattern => ({
  type,
  attribute,
  pattern: /^[a-zA-Z][a-zA-Z0-9-]*$/,
  min: 1,
  max: 40,
  allowed: "letters, digits and -, starting with a letter",
  forbidden: NO_DOUBLE_HYPHEN,
});
const sgRule = (type: string): NamePattern => ({ type, attribute: "description", pattern: SG_TEXT, max: 255, allowed: SG_ALLOWED });

export const NAME_PATTERNS: readonly NamePattern[] = [
  // WAFv2 (API reference: CreateWebACL, CreateRuleGroup, CreateIPSet, CreateRegexPatternSet).
  ...waf("aws_wafv2_web_acl"),
  ...waf("aws_wafv2_rule_group"),
  ...waf("aws_wafv2_ip_set"),
  ...waf("aws_wafv2_regex_pattern_set"),
  { type: "aws_wafv2_web_acl", attribute: "rule.name", pattern: WAF_NAME, min: 1, max: 128, allowed: "letters, digits, _ and -, 1-128 characters" },
  {
    type: "aws_wafv2_web_acl",
    attribute: "visibility_config.metric_name",
    pattern: WAF_METRIC,
    min: 1,
    max: 255,
    allowed: "letters, digits and _#:.-/ (no spaces), 1-255 characters",
  },
  {
    type: "aws_wafv2_web_acl",
    attribute: "rule.visibility_config.metric_name",
    pattern: WAF_METRIC,
    min: 1,
    max: 255,
    allowed: "letters, digits and _#:.-/ (no spaces), 1-255 characters",
  },
  // IAM (CreateRole, CreatePolicy, PutRolePolicy, CreateInstanceProfile, CreateUser).
  { type: "aws_iam_role", attribute: "name", pattern: IAM_NAME, min: 1, max: 64, allowed: "letters, digits and +=,.@_-, 1-64 characters" },
  {
    type: "aws_iam_role",
    attribute: "name_prefix",
    pattern: IAM_NAME,
    min: 1,
    max: 38,
    allowed: "letters, digits and +=,.@_-, at most 38 characters (26 are appended)",
  },
  { type: "aws_iam_role", attribute: "path", pattern: IAM_PATH, min: 1, max: 512, allowed: "/ or /segment(s)/ of printable ASCII, 1-512 characters" },
  {
    type: "aws_iam_role",
    attribute: "description",
    pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
    max: 1000,
    allowed: "printable Latin-1 characters, at most 1000",
  },
  { type: "aws_iam_policy", attribute: "name", pattern: IAM_NAME, min: 1, max: 128, allowed: "letters, digits and +=,.@_-, 1-128 characters" },
  { type: "aws_iam_policy", attribute: "path", pattern: IAM_PATH, min: 1, max: 512, allowed: "/ or /segment(s)/ of printable ASCII" },
  { type: "aws_iam_role_policy", attribute: "name", pattern: IAM_NAME, min: 1, max: 128, allowed: "letters, digits and +=,.@_-, 1-128 characters" },
  { type: "aws_iam_instance_profile", attribute: "name", pattern: IAM_NAME, min: 1, max: 128, allowed: "letters, digits and +=,.@_-, 1-128 characters" },
  { type: "aws_iam_user", attribute: "name", pattern: IAM_NAME, min: 1, max: 64, allowed: "letters, digits and +=,.@_-, 1-64 characters" },
  // EC2 security groups (CreateSecurityGroup, rule descriptions): ASCII only.
  {
    type: "aws_security_group",
    attribute: "name",
    pattern: SG_TEXT,
    min: 1,
    max: 255,
    allowed: SG_ALLOWED,
    forbidden: [{ test: /^sg-/, why: "starts with sg- (reserved)" }],
  },
  { type: "aws_security_group", attribute: "description", pattern: SG_TEXT, max: 255, allowed: SG_ALLOWED },
  { type: "aws_security_group", attribute: "ingress.description", pattern: SG_TEXT, max: 255, allowed: SG_ALLOWED },
  { type: "aws_security_group", attribute: "egress.description", pattern: SG_TEXT, max: 255, allowed: SG_ALLOWED },
  sgRule("aws_security_group_rule"),
  sgRule("aws_vpc_security_group_ingress_rule"),
  sgRule("aws_vpc_security_group_egress_rule"),
  // CloudWatch Logs, Lambda, KMS.
  {
    type: "aws_cloudwatch_log_group",
    attribute: "name",
    pattern: /^[.\-_/#A-Za-z0-9]+$/,
    min: 1,
    max: 512,
    allowed: "letters, digits and ._-/#, 1-512 characters",
  },
  {
    type: "aws_lambda_function",
    attribute: "function_name",
    pattern: /^[a-zA-Z0-9_-]+$/,
    min: 1,
    max: 64,
    allowed: "letters, digits, _ and -, 1-64 characters",
  },
  {
    type: "aws_lambda_layer_version",
    attribute: "layer_name",
    pattern: /^[a-zA-Z0-9_-]+$/,
    min: 1,
    max: 140,
    allowed: "letters, digits, _ and -, 1-140 characters",
  },
  {
    type: "aws_lambda_permission",
    attribute: "statement_id",
    pattern: /^[a-zA-Z0-9_-]+$/,
    min: 1,
    max: 100,
    allowed: "letters, digits, _ and -, 1-100 characters",
  },
  {
    type: "aws_kms_alias",
    attribute: "name",
    pattern: /^alias\/[a-zA-Z0-9/_-]+$/,
    min: 7,
    max: 256,
    allowed: "alias/ followed by letters, digits and /_-, at most 256 characters",
    forbidden: [{ test: /^alias\/aws\//i, why: "alias/aws/ is reserved for AWS managed keys" }],
  },
  // Messaging.
  {
    type: "aws_sns_topic",
    attribute: "name",
    pattern: /^[A-Za-z0-9_-]{1,256}$|^[A-Za-z0-9_-]{1,251}\.fifo$/,
    min: 1,
    max: 256,
    allowed: "letters, digits, _ and -, 1-256 characters (FIFO topics: ending in .fifo)",
  },
  {
    type: "aws_sqs_queue",
    attribute: "name",
    pattern: /^[A-Za-z0-9_-]{1,80}$|^[A-Za-z0-9_-]{1,75}\.fifo$/,
    min: 1,
    max: 80,
    allowed: "letters, digits, _ and -, 1-80 characters (FIFO queues: ending in .fifo)",
  },
  { type: "aws_cloudwatch_event_rule", attribute: "name", pattern: /^[.\-_A-Za-z0-9]+$/, min: 1, max: 64, allowed: "letters, digits and ._-, 1-64 characters" },
  {
    type: "aws_cloudwatch_event_bus",
    attribute: "name",
    pattern: /^[.\-_A-Za-z0-9]+$/,
    min: 1,
    max: 256,
    allowed: "letters, digits and ._- (a custom bus has no /), 1-256 characters",
  },
  {
    type: "aws_cloudwatch_event_archive",
    attribute: "name",
    pattern: /^[.\-_A-Za-z0-9]+$/,
    min: 1,
    max: 48,
    allowed: "letters, digits and ._-, 1-48 characters",
  },
  { type: "aws_scheduler_schedule", attribute: "name", pattern: /^[0-9a-zA-Z_.-]+$/, min: 1, max: 64, allowed: "letters, digits and ._-, 1-64 characters" },
  {
    type: "aws_scheduler_schedule_group",
    attribute: "name",
    pattern: /^[0-9a-zA-Z_.-]+$/,
    min: 1,
    max: 64,
    allowed: "letters, digits and ._-, 1-64 characters",
  },
  {
    type: "aws_sfn_state_machine",
    attribute: "name",
    pattern: STATE_MACHINE,
    min: 1,
    max: 80,
    allowed: '1-80 characters without whitespace, brackets, wildcards or "#%\\^|~`$&,;:/',
  },
  // Load balancing.
  ...lbNames("aws_lb", [{ test: /^internal-/, why: "starts with internal-" }]),
  ...lbNames("aws_lb_target_group"),
  // ElastiCache (stored lower-case; the API requires a letter first, no --, no trailing -).
  rdsStyleId("aws_elasticache_replication_group", "replication_group_id", 40),
  rdsStyleId("aws_elasticache_cluster", "cluster_id", 50),
  rdsStyleId("aws_elasticache_serverless_cache", "name", 40),
  rdsStyleId("aws_elasticache_parameter_group", "name", 255),
  {
    type: "aws_elasticache_subnet_group",
    attribute: "name",
    pattern: /^[a-z0-9-]+$/,
    min: 1,
    max: 255,
    allowed: "lower-case letters, digits and -, at most 255",
  },
  elasticacheUserId("aws_elasticache_user", "user_id"),
  elasticacheUserId("aws_elasticache_user_group", "user_group_id"),
  // RDS (CreateDBInstance, CreateDBCluster, parameter and subnet groups).
  rdsStyleId("aws_db_instance", "identifier", 63),
  { type: "aws_db_instance", attribute: "identifier_prefix", pattern: RDS_ID, min: 1, max: 37, allowed: "at most 37 characters (26 are appended)" },
  rdsStyleId("aws_rds_cluster", "cluster_identifier", 63),
  rdsStyleId("aws_rds_cluster_instance", "identifier", 63),
  rdsStyleId("aws_db_parameter_group", "name", 255),
  rdsStyleId("aws_rds_cluster_parameter_group", "name", 255),
  {
    type: "aws_db_subnet_group",
    attribute: "name",
    pattern: /^[a-z0-9 ._-]+$/,
    min: 1,
    max: 255,
    allowed: "lower-case letters, digits, spaces and ._-, at most 255",
    forbidden: [{ test: /^default$/, why: "default is reserved" }],
  },
  {
    type: "aws_db_event_subscription",
    attribute: "name",
    pattern: /^[A-Za-z][A-Za-z0-9-]*$/,
    min: 1,
    max: 255,
    allowed: "letters, digits and -, starting with a letter",
    forbidden: NO_DOUBLE_HYPHEN,
  },
  // Storage and data.
  {
    type: "aws_s3_bucket",
    attribute: "bucket",
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    min: 3,
    max: 63,
    allowed: "3-63 lower-case letters, digits, . and -, starting and ending with a letter or digit",
    forbidden: [
      { test: /\.\./, why: "two adjacent periods" },
      { test: /^\d+\.\d+\.\d+\.\d+$/, why: "formatted as an IP address" },
      { test: /^(xn--|sthree-|amzn-s3-demo-)/, why: "reserved prefix" },
      { test: /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/, why: "reserved suffix" },
    ],
  },
  {
    type: "aws_s3_bucket",
    attribute: "bucket_prefix",
    pattern: /^[a-z0-9][a-z0-9.-]*$/,
    min: 1,
    max: 37,
    allowed: "lower-case, at most 37 characters (26 are appended)",
  },
  { type: "aws_dynamodb_table", attribute: "name", pattern: /^[a-zA-Z0-9_.-]+$/, min: 3, max: 255, allowed: "letters, digits and _.-, 3-255 characters" },
  {
    type: "aws_ecr_repository",
    attribute: "name",
    pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
    min: 2,
    max: 256,
    allowed: "lower-case path segments of letters and digits separated by . _ -, 2-256 characters",
  },
  {
    type: "aws_secretsmanager_secret",
    attribute: "name",
    pattern: /^[A-Za-z0-9/_+=.@-]+$/,
    min: 1,
    max: 512,
    allowed: "letters, digits and /_+=.@-, 1-512 characters",
  },
  {
    type: "aws_ssm_parameter",
    attribute: "name",
    pattern: /^[a-zA-Z0-9_.\-/]+$/,
    min: 1,
    max: 2048,
    allowed: "letters, digits and _.-/, at most 2048 characters",
    forbidden: [{ test: /^\/?(aws|ssm)/i, why: 'prefixed with "aws" or "ssm" (reserved)' }],
  },
  {
    type: "aws_timestreamwrite_database",
    attribute: "database_name",
    pattern: /^[a-zA-Z0-9_.-]+$/,
    min: 3,
    max: 256,
    allowed: "letters, digits and _.-, 3-256 characters",
  },
  {
    type: "aws_timestreamwrite_table",
    attribute: "table_name",
    pattern: /^[a-zA-Z0-9_.-]+$/,
    min: 3,
    max: 256,
    allowed: "letters, digits and _.-, 3-256 characters",
  },
  { type: "aws_athena_workgroup", attribute: "name", pattern: /^[a-zA-Z0-9._-]+$/, min: 1, max: 128, allowed: "letters, digits and ._-, 1-128 characters" },
  {
    type: "aws_opensearch_domain",
    attribute: "domain_name",
    pattern: /^[a-z][a-z0-9-]+$/,
    min: 3,
    max: 28,
    allowed: "lower-case letters, digits and -, starting with a letter, 3-28 characters",
  },
  { type: "aws_mq_broker", attribute: "broker_name", pattern: /^[A-Za-z0-9_-]+$/, min: 1, max: 50, allowed: "letters, digits, _ and -, 1-50 characters" },
  // Compute and the rest.
  { type: "aws_ecs_cluster", attribute: "name", pattern: /^[a-zA-Z0-9_-]+$/, min: 1, max: 255, allowed: "letters, digits, _ and -, 1-255 characters" },
  {
    type: "aws_ecs_capacity_provider",
    attribute: "name",
    pattern: /^[a-zA-Z0-9_-]+$/,
    min: 1,
    max: 255,
    allowed: "letters, digits, _ and -, 1-255 characters",
    forbidden: [{ test: /^(aws|ecs|fargate)/i, why: 'starts with "aws", "ecs" or "fargate" (reserved)' }],
  },
  {
    type: "aws_ecs_task_definition",
    attribute: "family",
    pattern: /^[a-zA-Z0-9_-]+$/,
    min: 1,
    max: 255,
    allowed: "letters, digits, _ and -, 1-255 characters",
  },
  {
    type: "aws_launch_template",
    attribute: "name",
    pattern: /^[a-zA-Z0-9().\-/_]+$/,
    min: 3,
    max: 125,
    allowed: "letters, digits and ()./_-, 3-125 characters",
  },
  {
    type: "aws_cognito_user_pool",
    attribute: "name",
    pattern: /^[\w\s+=,.@-]+$/,
    min: 1,
    max: 128,
    allowed: "letters, digits, spaces and +=,.@_-, 1-128 characters",
  },
  {
    type: "aws_cognito_user_pool_client",
    attribute: "name",
    pattern: /^[\w\s+=,.@-]+$/,
    min: 1,
    max: 128,
    allowed: "letters, digits, spaces and +=,.@_-, 1-128 characters",
  },
  {
    type: "aws_cloudwatch_dashboard",
    attribute: "dashboard_name",
    pattern: /^[A-Za-z0-9_-]+$/,
    min: 1,
    max: 255,
    allowed: "letters, digits, _ and -, 1-255 characters",
  },
  {
    type: "aws_cloudwatch_metric_alarm",
    attribute: "alarm_name",
    pattern: /^[^\u0000-\u001f\u007f]+$/,
    min: 1,
    max: 255,
    allowed: "1-255 characters, no control characters",
  },
  { type: "aws_budgets_budget", attribute: "name", pattern: /^[^:\\]+$/, min: 1, max: 100, allowed: "1-100 characters without : or \\" },
  { type: "aws_config_config_rule", attribute: "name", pattern: /\S/, min: 1, max: 128, allowed: "1-128 characters" },
  { type: "aws_cloudfront_origin_access_control", attribute: "name", min: 1, max: 64, allowed: "1-64 characters" },
  {
    type: "aws_cloudfront_cache_policy",
    attribute: "name",
    pattern: /^[A-Za-z0-9_-]+$/,
    min: 1,
    max: 128,
    allowed: "letters, digits, _ and -, 1-128 characters",
  },
  {
    type: "aws_cloudfront_response_headers_policy",
    attribute: "name",
    pattern: /^[A-Za-z0-9_-]+$/,
    min: 1,
    max: 128,
    allowed: "letters, digits, _ and -, 1-128 characters",
  },
  { type: "aws_xray_group", attribute: "group_name", pattern: /^[A-Za-z0-9_-]+$/, min: 1, max: 32, allowed: "letters, digits, _ and -, 1-32 characters" },
  { type: "aws_xray_sampling_rule", attribute: "rule_name", min: 1, max: 32, allowed: "1-32 characters" },
];

/** Every string at a dotted path (list blocks searched). */
export function stringsAt(values: JsonObject, path: string): string[] {
  let current: unknown[] = [values];
  for (const key of path.split(".")) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map((v) => (v && typeof v === "object" ? (v as JsonObject)[key] : undefined))
      .filter((v) => v !== undefined);
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === "string");
}
