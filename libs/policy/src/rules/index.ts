/**
 * The registry: every rule of the pack, and which rules look at which resource type. A new
 * resource type or rule is added here and nowhere else.
 */
import type { PolicyRule } from "../types";
import { ecrRepository } from "./ecr-repository";
import { ecrImmutableTags } from "./ecr-immutable-tags";
import { ec2Imds } from "./ec2-imds";
import { ec2InstanceProfile } from "./ec2-instance-profile";
import { ec2UserData } from "./ec2-user-data";
import { ebsEncryption } from "./ebs-encryption";
import { ec2Operations } from "./ec2-operations";
import { cognitoPasswordPolicy } from "./cognito-password-policy";
import { cognitoMfa } from "./cognito-mfa";
import { cognitoIdentityPool } from "./cognito-identity-pool";
import { route53QueryLogging, route53Dnssec } from "./route53";
import { kmsRotation } from "./kms-rotation";
import { kmsPolicy } from "./kms-policy";
import { secretEncryption } from "./secret-encryption";
import { secretRotation } from "./secret-rotation";
import { sqsEncryption, snsEncryption, timestreamEncryption } from "./messaging-encryption";
import { sqsRedrive } from "./sqs-redrive";
import { sqsPolicy, snsPolicy } from "./messaging-policies";
import { apigwAccessLogs } from "./apigw-access-logs";
import { apigwThrottling } from "./apigw-throttling";
import { apigwRouteAuth } from "./apigw-route-auth";
import { logGroupEncryption } from "./log-group-encryption";
import { logGroupRetention } from "./log-group-retention";
import { alarmActions } from "./alarm-actions";
import { lambdaTracing } from "./lambda-tracing";
import { lambdaDeadLetter } from "./lambda-dead-letter";
import { lambdaConcurrency } from "./lambda-concurrency";
import { lambdaVpc } from "./lambda-vpc";
import { lambdaEnvironment } from "./lambda-environment";
import { lambdaRuntime } from "./lambda-runtime";
import { ecsContainerInsights } from "./ecs-container-insights";
import { ecsReadonlyRoot } from "./ecs-readonly-root";
import { ecsIsolation } from "./ecs-isolation";
import { ecsSecretsLogging } from "./ecs-secrets-logging";
import { cloudfrontHttps } from "./cloudfront-https";
import { cloudfrontCertificate } from "./cloudfront-certificate";
import { cloudfrontWaf } from "./cloudfront-waf";
import { cloudfrontLogging } from "./cloudfront-logging";
import { cloudfrontOrigins } from "./cloudfront-origins";
import { wafLogging } from "./waf-logging";
import { wafRules } from "./waf-rules";
import { lbListenerTls } from "./lb-listener-tls";
import { lbHttpHardening } from "./lb-http-hardening";
import { lbDeletionProtection } from "./lb-deletion-protection";
import { lbWaf } from "./lb-waf";
import { lbAccessLogs } from "./lb-access-logs";
import { dynamodbEncryption } from "./dynamodb-encryption";
import { dynamodbPitr } from "./dynamodb-pitr";
import { elasticacheSecurity } from "./elasticache-security";
import { elasticacheResilience } from "./elasticache-resilience";
import { opensearchEncryption } from "./opensearch-encryption";
import { opensearchAccess } from "./opensearch-access";
import { opensearchLogging } from "./opensearch-logging";
import { opensearchResilience } from "./opensearch-resilience";
import { rdsStorageEncryption } from "./rds-storage-encryption";
import { rdsNotPublic } from "./rds-not-public";
import { rdsBackupRetention } from "./rds-backup-retention";
import { rdsDeletionProtection } from "./rds-deletion-protection";
import { rdsMultiAz } from "./rds-multi-az";
import { rdsIamAuth } from "./rds-iam-auth";
import { rdsForceSsl } from "./rds-force-ssl";
import { rdsCaCertificate } from "./rds-ca-certificate";
import { rdsMaintenance } from "./rds-maintenance";
import { rdsMonitoring } from "./rds-monitoring";
import { rdsLogExports } from "./rds-log-exports";
import { rdsQueryLogging } from "./rds-query-logging";
import { rdsManagedPassword } from "./rds-managed-password";
import { noPublicIp } from "./no-public-ip";
import { sgAdminPorts } from "./sg-admin-ports";
import { sgDataTier } from "./sg-data-tier";
import { sgDescriptions } from "./sg-descriptions";
import { sgWorldIngress } from "./sg-world-ingress";
import { vpcDefaultSecurityGroup } from "./vpc-default-security-group";
import { vpcFlowLogs } from "./vpc-flow-logs";
import { s3AccessLogging } from "./s3-access-logging";
import { s3Encryption } from "./s3-encryption";
import { s3Lifecycle } from "./s3-lifecycle";
import { s3OwnershipControls } from "./s3-ownership-controls";
import { s3PublicAccessBlock } from "./s3-public-access-block";
import { s3TlsOnly } from "./s3-tls-only";
import { s3Versioning } from "./s3-versioning";

export const allRules: readonly PolicyRule[] = [
  vpcFlowLogs,
  vpcDefaultSecurityGroup,
  sgAdminPorts,
  sgWorldIngress,
  sgDataTier,
  sgDescriptions,
  noPublicIp,
  rdsStorageEncryption,
  rdsNotPublic,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsMultiAz,
  rdsIamAuth,
  rdsForceSsl,
  rdsCaCertificate,
  rdsMaintenance,
  rdsMonitoring,
  rdsLogExports,
  rdsQueryLogging,
  rdsManagedPassword,
  dynamodbEncryption,
  dynamodbPitr,
  elasticacheSecurity,
  elasticacheResilience,
  opensearchEncryption,
  opensearchAccess,
  opensearchLogging,
  opensearchResilience,
  cloudfrontHttps,
  cloudfrontCertificate,
  cloudfrontWaf,
  cloudfrontLogging,
  cloudfrontOrigins,
  wafLogging,
  wafRules,
  lbListenerTls,
  lbHttpHardening,
  lbDeletionProtection,
  lbWaf,
  lbAccessLogs,
  ecsContainerInsights,
  ecsReadonlyRoot,
  ecsIsolation,
  ecsSecretsLogging,
  lambdaTracing,
  lambdaDeadLetter,
  lambdaConcurrency,
  lambdaVpc,
  lambdaEnvironment,
  lambdaRuntime,
  apigwAccessLogs,
  apigwThrottling,
  apigwRouteAuth,
  logGroupEncryption,
  logGroupRetention,
  alarmActions,
  kmsRotation,
  kmsPolicy,
  secretEncryption,
  secretRotation,
  sqsEncryption,
  sqsRedrive,
  sqsPolicy,
  snsEncryption,
  snsPolicy,
  timestreamEncryption,
  ecrRepository,
  ecrImmutableTags,
  ec2Imds,
  ec2InstanceProfile,
  ec2UserData,
  ebsEncryption,
  ec2Operations,
  cognitoPasswordPolicy,
  cognitoMfa,
  cognitoIdentityPool,
  route53QueryLogging,
  route53Dnssec,
  s3PublicAccessBlock,
  s3OwnershipControls,
  s3Encryption,
  s3Versioning,
  s3AccessLogging,
  s3TlsOnly,
  s3Lifecycle,
];

/** resource type → ids of the rules that check it. */
export const coverage: Readonly<Record<string, readonly string[]>> = (() => {
  const map: Record<string, string[]> = {};
  for (const rule of allRules) for (const type of rule.resourceTypes) (map[type] ??= []).push(rule.id);
  return map;
})();

export function ruleById(id: string): PolicyRule | undefined {
  return allRules.find((r) => r.id === id);
}
