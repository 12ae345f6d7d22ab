import type { WaiverConfig } from "@infra/config";

/**
 * Mile Quest's relaxations of the policy pack, each with the seed 003 reason. Deployments attach
 * the list that concerns them (deployment-level waivers only match their own stack).
 */
export const MILEQUEST_WAIVERS = {
  /** Third-party credentials cannot be rotated by a Secrets Manager rotation Lambda. */
  externalSecrets: [
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.external--*",
      reason: "Seed 003 External Services: Fitbit, Google Fit and Mapbox issue these credentials; they are rotated in the provider's console and re-set with put-secret-value (runbook in docs/workloads/milequest.md), no rotation Lambda can do it.",
    },
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.github--amplify-token*",
      reason: "Seed 003 Amplify Hosting: the GitHub token is issued by GitHub (fine-grained, 90-day expiry set there) and re-set by an operator; Secrets Manager cannot rotate it.",
    },
  ],
  /** The Aurora global primary (prod DR) cannot use an RDS-managed master password. */
  globalDatabasePassword: [
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.aurora--master-password*",
      reason: "Seed 003 DR (Aurora global database): RDS-managed master passwords are not supported for global clusters, so the master password lives in this secret; it is only the break-glass login (apps use IAM database auth) and is rotated by the runbook.",
    },
  ],
  globalDatabaseCluster: [
    {
      rule: "INF-RDS-013",
      address: "aws_rds_cluster.*",
      reason: "Seed 003 DR (Aurora global database): AWS does not support manage_master_user_password for global database clusters; the password is read from Secrets Manager at plan time, never written in code.",
    },
  ],
  /** The DR replica runs one instance until failover. */
  standbyReplica: [
    {
      rule: "INF-RDS-005",
      address: "aws_rds_cluster.*",
      reason: "Seed 003 DR: the us-west-2 'Aurora Replica' is a read-only global secondary with one instance (pilot light); the failover runbook adds a reader after promotion.",
    },
  ],
  /** S3 server access logs and CloudFront standard logs cannot be delivered to SSE-KMS buckets. */
  logBuckets: [
    {
      rule: "INF-S3-003",
      address: "aws_s3_bucket.*-logs_bucket_*",
      reason: "POLICIES.md #26: S3 server access logging and CloudFront standard logging cannot write to SSE-KMS buckets: log buckets use SSE-S3 (AES256).",
    },
  ],
  /** Staging has no deletion protection (env settings). */
  stagingDatabase: [
    {
      rule: "INF-RDS-004",
      address: "aws_rds_cluster.*",
      reason: "Staging env settings: deletionProtection false (seed 004's staging column, adopted for every workload); staging data is disposable test data.",
    },
  ],
} satisfies Record<string, WaiverConfig[]>;
