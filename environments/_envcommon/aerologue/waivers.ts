import type { WaiverConfig } from "@infra/config";

/**
 * Relaxations seed 000 asks for on purpose, one list per module, each with its seed section.
 * Env deployment files attach them (`deploy(a.x, { waivers: AEROLOGUE_WAIVERS.x })`).
 */
export const AEROLOGUE_WAIVERS = {
  secrets: [
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.aerologue-db-aurora*",
      reason:
        "Seed 000 ARC-009: rotated every 90 days by the aws_secretsmanager_secret_rotation of the aerologue-data/aurora stack (next to its rotation function)",
    },
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.aerologue-api-*",
      reason: "Seed 000 ARC-009: ADS-B Exchange, AeroDataBox and AirLabs API keys are issued by the providers; only DB credentials rotate (90 days)",
    },
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.aerologue-oauth-*",
      reason: "Seed 000 ARC-009: Apple and Google OAuth credentials are issued by Apple/Google and rotated in their consoles; only DB credentials rotate",
    },
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.aerologue-edge-origin-verify*",
      reason:
        "docs/adr/0075: the CloudFront origin-verify value lives in the distributions' config, which Terraform owns, so a rotation function cannot change it; operators rotate it with the documented two-step (put a new value, apply edge-cdn; the APIs accept AWSCURRENT and AWSPREVIOUS)",
    },
  ],
  dns: [
    {
      rule: "INF-R53-002",
      address: "aws_route53_zone.*",
      reason: "Seed 000 ARC-008: DNSSEC needs the parent zone (registrar) to publish the DS record; enable with the delegation, not before",
    },
  ],
  storage: [
    { rule: "INF-S3-002", address: "aws_s3_bucket.logs*", reason: "Seed 000 ARC-009 (S3 SSE-S3): CloudFront standard logging cannot write SSE-KMS objects" },
    { rule: "INF-S3-003", address: "aws_s3_bucket.logs*", reason: "Seed 000 ARC-008: CloudFront standard logging writes with ACLs (BucketOwnerPreferred)" },
  ],
  /** ARC-012 only: add to the storage deployment when `globalRegions` is not empty (an unused waiver fails the policy report). */
  storageReplicas: [
    {
      rule: "INF-S3-005",
      address: "aws_s3_bucket.*_replica_bucket_*",
      reason:
        "Seed 000 ARC-012: replica buckets are written only by S3 replication; access is logged at the source bucket (logging needs a same-region target)",
    },
  ],
  functions: [
    {
      rule: "INF-LAMBDA-003",
      address: "aws_lambda_function.*",
      reason: "Seed 000 ARC-004 concurrency table: only etl-flight-data, crossing-detector and ws-broadcast are reserved; others scale with demand",
    },
  ],
  cognito: [
    { rule: "INF-COG-001", address: "aws_cognito_user_pool.*", reason: "Seed 000 ARC-007 password policy: no special character required (UX)" },
    { rule: "INF-COG-002", address: "aws_cognito_user_pool.*", reason: "Seed 000 ARC-007: MFA optional (TOTP), not enforced" },
  ],
  api: [
    {
      rule: "INF-APIGW-003",
      address: "aws_apigatewayv2_route.http-api_route-GET_apiv1health*",
      reason: "Seed 000 ARC-006: /api/v1/health is the unauthenticated health check",
    },
    {
      rule: "INF-APIGW-003",
      address: "aws_apigatewayv2_route.ws-api_route-connect*",
      reason: "Seed 000 ARC-006: browsers cannot send an Authorization header on a WebSocket; api-ws-connect verifies the Cognito token from the query string",
    },
  ],
  /** ARC-012 secondary clusters of the global database. */
  auroraSecondary: [
    {
      rule: "INF-RDS-013",
      address: "aws_rds_cluster.*",
      reason: "Seed 000 ARC-012: a global database secondary has no master credentials; it replicates the primary's",
    },
  ],
  /** dev/staging only: seed 000 ARC-005 MVP sizing and the env's own deletion-protection setting. */
  auroraUnprotected: [
    {
      rule: "INF-RDS-004",
      address: "aws_rds_cluster.*",
      reason: "Seed 004 data protection table: no deletion protection in dev/staging (env.ts settings.deletionProtection); prod keeps it",
    },
  ],
  cacheSingleNode: [
    {
      rule: "INF-EC-002",
      address: "aws_elasticache_replication_group.*",
      reason: "Seed 000 ARC-005: 1 node (MVP) outside production; prod has a replica with failover",
    },
  ],
} satisfies Record<string, WaiverConfig[]>;
