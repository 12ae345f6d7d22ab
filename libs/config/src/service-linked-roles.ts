/**
 * The AWS service-linked roles this repo knows: service name → role name. One per service and
 * account, created by IAM (or by the service on first use) with this fixed name;
 * `aws_iam_service_linked_role.aws_service_name` takes the key. Pure data, shared by the config
 * layer (which roles an account already has) and the constructs (which roles they need).
 */
export const SERVICE_LINKED_ROLES = {
  "autoscaling.amazonaws.com": "AWSServiceRoleForAutoScaling",
  "ecs.amazonaws.com": "AWSServiceRoleForECS",
  "elasticache.amazonaws.com": "AWSServiceRoleForElastiCache",
  "rds.amazonaws.com": "AWSServiceRoleForRDS",
  "opensearchservice.amazonaws.com": "AWSServiceRoleForAmazonOpenSearchService",
} as const;
export type ServiceLinkedRoleService = keyof typeof SERVICE_LINKED_ROLES;

export function isServiceLinkedRoleService(value: string): value is ServiceLinkedRoleService {
  return Object.prototype.hasOwnProperty.call(SERVICE_LINKED_ROLES, value);
}

/** `arn:<partition>:iam::<account>:role/aws-service-role/<service>/<role name>`. */
export function serviceLinkedRoleArn(service: ServiceLinkedRoleService, accountId: string, partition = "aws"): string {
  return `arn:${partition}:iam::${accountId}:role/aws-service-role/${service}/${SERVICE_LINKED_ROLES[service]}`;
}
