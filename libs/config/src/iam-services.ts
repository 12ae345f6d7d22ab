/**
 * The IAM services Terraform calls to manage a resource type (or read a data source), so a deploy
 * role's permissions follow from what an env synthesizes instead of a hand list that misses the
 * services a later atlas phase brings (Cloud Map, Application Auto Scaling, CodeDeploy, OpenSearch).
 * An entry lists the resource's own service first, then services the API calls on the caller's
 * behalf (a Cloud Map private DNS namespace creates a Route 53 zone in the caller's VPC). First
 * matching pattern wins; an unknown type is an error, never a silent gap.
 */
export const IAM_SERVICES_OF_TYPE: readonly (readonly [RegExp, readonly string[]])[] = [
  // Data sources that call no API.
  [/^aws_(iam_policy_document|region|partition)$/, []],
  // Terraform's built-in resource (the fresh-env placeholder guard): no AWS API.
  [/^terraform_data$/, []],
  [/^aws_caller_identity$/, ["sts"]],
  [
    /^aws_(vpc|vpc_.+|subnet|route|route_table|route_table_association|internet_gateway|nat_gateway|eip|eip_association|security_group|default_security_group|network_acl|network_acl_rule|flow_log|instance|launch_template|availability_zones|ami)$/,
    ["ec2"],
  ],
  [/^aws_acm_/, ["acm"]],
  [/^aws_amplify_/, ["amplify"]],
  [/^aws_api_gateway_|^aws_apigatewayv2_/, ["apigateway"]],
  [/^aws_appautoscaling_/, ["application-autoscaling"]],
  [/^aws_athena_/, ["athena"]],
  [/^aws_autoscaling_/, ["autoscaling"]],
  // CreateBackupVault also needs backup-storage:MountCapsule (the vault's storage).
  [/^aws_backup_/, ["backup", "backup-storage"]],
  [/^aws_budgets_/, ["budgets"]],
  // A CUR 2.0 export is a Data Exports resource over the CUR service's table (AWS's example policy grants both).
  [/^aws_bcmdataexports_/, ["bcm-data-exports", "cur"]],
  [/^aws_cloudfront_/, ["cloudfront"]],
  [/^aws_cloudtrail$/, ["cloudtrail"]],
  [/^aws_cloudwatch_event_/, ["events"]],
  [/^aws_cloudwatch_log_/, ["logs"]],
  [/^aws_cloudwatch_(dashboard|metric_alarm|composite_alarm)$/, ["cloudwatch"]],
  [/^aws_codedeploy_/, ["codedeploy"]],
  [/^aws_cognito_identity_pool/, ["cognito-identity"]],
  [/^aws_cognito_/, ["cognito-idp"]],
  [/^aws_config_/, ["config"]],
  // RDS keeps RDS-managed master passwords in Secrets Manager on the caller's behalf.
  [/^aws_(db_instance|rds_cluster)$/, ["rds", "secretsmanager"]],
  [/^aws_db_|^aws_rds_/, ["rds"]],
  [/^aws_dynamodb_/, ["dynamodb"]],
  [/^aws_ecr_/, ["ecr"]],
  [/^aws_ecs_/, ["ecs"]],
  [/^aws_elasticache_/, ["elasticache"]],
  [/^aws_glue_/, ["glue"]],
  [/^aws_iam_/, ["iam"]],
  [/^aws_kinesis_firehose_/, ["firehose"]],
  [/^aws_kms_/, ["kms"]],
  [/^aws_lambda_/, ["lambda"]],
  [/^aws_lb(_.+)?$/, ["elasticloadbalancing"]],
  [/^aws_opensearch_/, ["es"]],
  // A CMK-encrypted workspace: AMP creates its grant on the key, and its logging configuration a vended-logs delivery, with the caller's permissions.
  [/^aws_prometheus_/, ["aps", "kms", "logs"]],
  [/^aws_route53_/, ["route53"]],
  [/^aws_s3_/, ["s3"]],
  [/^aws_scheduler_/, ["scheduler"]],
  [/^aws_secretsmanager_/, ["secretsmanager"]],
  [/^aws_serverlessapplicationrepository_/, ["serverlessrepo", "cloudformation"]],
  // Cloud Map creates the namespace's private hosted zone in the VPC with the caller's permissions.
  [/^aws_service_discovery_private_dns_namespace$/, ["servicediscovery", "route53", "ec2"]],
  [/^aws_service_discovery_/, ["servicediscovery"]],
  [/^aws_sfn_/, ["states"]],
  [/^aws_sns_/, ["sns"]],
  [/^aws_sqs_/, ["sqs"]],
  [/^aws_ssm_/, ["ssm"]],
  [/^aws_timestreamwrite_/, ["timestream"]],
  [/^aws_wafv2_/, ["wafv2"]],
  [/^aws_xray_/, ["xray"]],
];

/** IAM services behind a Terraform resource or data source type; undefined when the table does not know it. */
export function iamServicesOf(type: string): readonly string[] | undefined {
  return IAM_SERVICES_OF_TYPE.find(([pattern]) => pattern.test(type))?.[1];
}

/**
 * The sorted IAM services of a set of types (types outside the AWS provider, e.g.
 * terraform_remote_state, need none). Throws naming every type the table does not know.
 */
export function iamServicesOfTypes(types: Iterable<string>): string[] {
  const services = new Set<string>();
  const unknown = new Set<string>();
  for (const type of types) {
    if (!type.startsWith("aws_")) continue;
    const found = iamServicesOf(type);
    if (found === undefined) unknown.add(type);
    else for (const s of found) services.add(s);
  }
  if (unknown.size > 0) {
    throw new Error(`no IAM service known for ${[...unknown].sort().join(", ")}: add the type to IAM_SERVICES_OF_TYPE (libs/config/src/iam-services.ts)`);
  }
  return [...services].sort();
}
