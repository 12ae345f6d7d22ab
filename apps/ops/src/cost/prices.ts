/**
 * On-demand prices, us-east-1, USD, as published on the AWS pricing pages named in `source`
 * (Linux / PostgreSQL / Redis OSS, no free tier, no reserved or savings plans). They were taken
 * from the public price pages and are not fetched at run time: `infra cost` is offline and
 * deterministic. Check them against https://calculator.aws before using a figure for a budget;
 * update `date` with any change. Other regions are priced at these rates (eu-west-1 is ~5-10%
 * higher for most of these; us-west-2 is the same as us-east-1).
 */
export interface Price {
  readonly usd: number;
  readonly unit: "hour" | "month" | "GB-month" | "ACU-hour" | "GB-hour";
  /** When the figure was taken from the source. */
  readonly date: string;
  readonly source: string;
}

export const HOURS_PER_MONTH = 730;

const DATE = "2025-06";
const EC2 = "https://aws.amazon.com/ec2/pricing/on-demand/ (Linux, us-east-1)";
const RDS = "https://aws.amazon.com/rds/postgresql/pricing/ (Single-AZ; Multi-AZ is twice)";
const AURORA = "https://aws.amazon.com/rds/aurora/pricing/ (Aurora Standard)";
const CACHE = "https://aws.amazon.com/elasticache/pricing/ (Redis OSS on-demand nodes)";
const p = (usd: number, unit: Price["unit"], source: string): Price => ({ usd, unit, date: DATE, source });

/** EC2 instances (ECS container instances, the Docker host). */
export const EC2_INSTANCE_HOURLY: Readonly<Record<string, Price>> = {
  "t3.micro": p(0.0104, "hour", EC2),
  "t3.small": p(0.0208, "hour", EC2),
  "t3.medium": p(0.0416, "hour", EC2),
  "t3.large": p(0.0832, "hour", EC2),
  "t3.xlarge": p(0.1664, "hour", EC2),
  "t4g.micro": p(0.0084, "hour", EC2),
  "t4g.small": p(0.0168, "hour", EC2),
  "t4g.medium": p(0.0336, "hour", EC2),
  "t4g.large": p(0.0672, "hour", EC2),
  "m6g.large": p(0.077, "hour", EC2),
  "m6i.large": p(0.096, "hour", EC2),
  "m7g.large": p(0.0816, "hour", EC2),
};

/** RDS for PostgreSQL instances, Single-AZ (Multi-AZ deployments cost twice). */
export const RDS_INSTANCE_HOURLY: Readonly<Record<string, Price>> = {
  "db.t3.micro": p(0.018, "hour", RDS),
  "db.t3.small": p(0.036, "hour", RDS),
  "db.t3.medium": p(0.072, "hour", RDS),
  "db.t3.large": p(0.145, "hour", RDS),
  "db.t4g.micro": p(0.016, "hour", RDS),
  "db.t4g.small": p(0.032, "hour", RDS),
  "db.t4g.medium": p(0.065, "hour", RDS),
  "db.t4g.large": p(0.129, "hour", RDS),
  "db.m6g.large": p(0.159, "hour", RDS),
  "db.r6g.large": p(0.225, "hour", RDS),
  "db.r6g.xlarge": p(0.449, "hour", RDS),
};

/** Aurora PostgreSQL provisioned instances (Aurora Standard). */
export const AURORA_INSTANCE_HOURLY: Readonly<Record<string, Price>> = {
  "db.t4g.medium": p(0.073, "hour", AURORA),
  "db.r6g.large": p(0.26, "hour", AURORA),
};

/** ElastiCache nodes (Redis OSS / Valkey node-based clusters). */
export const CACHE_NODE_HOURLY: Readonly<Record<string, Price>> = {
  "cache.t3.micro": p(0.017, "hour", CACHE),
  "cache.t3.small": p(0.034, "hour", CACHE),
  "cache.t3.medium": p(0.068, "hour", CACHE),
  "cache.t4g.micro": p(0.016, "hour", CACHE),
  "cache.t4g.small": p(0.032, "hour", CACHE),
  "cache.t4g.medium": p(0.065, "hour", CACHE),
  "cache.m7g.large": p(0.158, "hour", CACHE),
  "cache.r6g.large": p(0.206, "hour", CACHE),
  "cache.r7g.large": p(0.219, "hour", CACHE),
};

/** Everything billed per resource, per hour or per month. */
export const PRICES = {
  auroraServerlessAcu: p(0.12, "ACU-hour", `${AURORA} Serverless v2`),
  /** ElastiCache Serverless for Redis OSS: data stored, minimum 1 GB. */
  cacheServerlessRedisGb: p(0.125, "GB-hour", "https://aws.amazon.com/elasticache/pricing/ (Serverless, Redis OSS; minimum 1 GB)"),
  /** ElastiCache Serverless for Valkey: data stored, minimum 100 MB. */
  cacheServerlessValkeyGb: p(0.084, "GB-hour", "https://aws.amazon.com/elasticache/pricing/ (Serverless, Valkey; minimum 100 MB)"),
  rdsGp3Storage: p(0.115, "GB-month", `${RDS} gp3 storage`),
  ebsGp3Storage: p(0.08, "GB-month", "https://aws.amazon.com/ebs/pricing/ (gp3)"),
  natGateway: p(0.045, "hour", "https://aws.amazon.com/vpc/pricing/ (NAT gateway hour; data processed is usage)"),
  publicIpv4: p(0.005, "hour", "https://aws.amazon.com/vpc/pricing/ (public IPv4 address, in use or idle)"),
  interfaceEndpointAz: p(0.01, "hour", "https://aws.amazon.com/privatelink/pricing/ (interface endpoint per AZ)"),
  loadBalancer: p(0.0225, "hour", "https://aws.amazon.com/elasticloadbalancing/pricing/ (ALB/NLB hour; LCUs are usage)"),
  kmsKey: p(1, "month", "https://aws.amazon.com/kms/pricing/ (customer managed key; requests are usage)"),
  hostedZone: p(0.5, "month", "https://aws.amazon.com/route53/pricing/ (first 25 hosted zones)"),
  healthCheck: p(0.5, "month", "https://aws.amazon.com/route53/pricing/ (health check of an AWS endpoint)"),
  healthCheckFeature: p(1, "month", "https://aws.amazon.com/route53/pricing/ (optional feature: HTTPS, string matching, fast interval, latency)"),
  wafWebAcl: p(5, "month", "https://aws.amazon.com/waf/pricing/ (web ACL; requests are usage)"),
  wafRule: p(1, "month", "https://aws.amazon.com/waf/pricing/ (rule or rule group in a web ACL)"),
  alarmMetric: p(0.1, "month", "https://aws.amazon.com/cloudwatch/pricing/ (standard-resolution alarm, per metric)"),
  dashboard: p(3, "month", "https://aws.amazon.com/cloudwatch/pricing/ (custom dashboard; 3 free per account not deducted)"),
  secret: p(0.4, "month", "https://aws.amazon.com/secrets-manager/pricing/ (secret; API calls are usage)"),
} as const satisfies Record<string, Price>;
