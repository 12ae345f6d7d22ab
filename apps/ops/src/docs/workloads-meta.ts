/**
 * What the generated workload page says about each workload besides its stacks: the seed it comes from
 * (docs/glossary.md), one paragraph, and where its decisions are written down. The stacks themselves are
 * read from the resolved envs, so only this prose is hand-kept; a workload missing here fails generation.
 */
export interface WorkloadMeta {
  /** Display name. */
  readonly title: string;
  /** Seed id (000-004), or undefined for the account foundation, which no seed asks for. */
  readonly seed?: string;
  /** One paragraph: what it builds and where it runs. */
  readonly summary: string;
  /** Repo-relative links (from docs/generated/) to its decisions, runbooks and tests. */
  readonly details: readonly { readonly label: string; readonly href: string }[];
}

export const WORKLOAD_META: Readonly<Record<string, WorkloadMeta>> = {
  account: {
    title: "Account foundation",
    summary:
      "One per account, in the primary region, deployed before every other stack: the service-linked roles that key and resource policies name, and the account-wide API Gateway setting (one owner per account/region singleton).",
    details: [{ label: "ADR 0004", href: "../adr/0004-account-foundation-and-key-usage.md" }],
  },
  platform: {
    title: "Platform",
    seed: "004",
    summary:
      "VPC, RDS PostgreSQL, ECS on EC2 behind an ALB, Route 53 (failover in prod), CloudWatch alarms and dashboards, per-purpose KMS keys and the CI roles, in every env; prod adds an eu-west-1 DR copy (peered VPC, cross-region read replica, pilot-light ECS). Every cell of the seed's per-env tables is asserted in `apps/ops/src/platform-seed004.test.ts`.",
    details: [
      { label: "docs/workloads/platform.md", href: "../workloads/platform.md" },
      { label: "ADR 0003", href: "../adr/0003-platform-decisions.md" },
      { label: "docs/ci-access.md", href: "../ci-access.md" },
    ],
  },
  aerologue: {
    title: "Aerologue",
    seed: "000",
    summary:
      "A serverless flight app: arm64 Lambda functions with layers (the 10-second jobs on a Step Functions loop driven by a 1-minute schedule), HTTP + WebSocket APIs with a Cognito JWT authorizer, Aurora PostgreSQL Serverless v2, DynamoDB tables, a time-series store, Redis, S3, CloudFront + WAF, secrets and the ARC-010 alarms. ARC-012 global regions are config (`workloads.aerologue.globalRegions`), off by default.",
    details: [{ label: "docs/workloads/aerologue.md", href: "../workloads/aerologue.md" }],
  },
  atlas: {
    title: "AccountabilityAtlas",
    seed: "001",
    summary:
      "Phased: the phase is one field (`phase` in `environments/_envcommon/atlas/workload.ts`). Phase 1 (committed) deploys to prod only: an EC2 Docker host, RDS, SQS, S3, ECR, Route 53, secrets and alarms; phases 2-4 add ECS Fargate + ALB + cache, then OpenSearch, WAF, CloudFront and staging, then auto-scaling and DR. Tests synthesize every phase.",
    details: [{ label: "docs/workloads/atlas.md", href: "../workloads/atlas.md" }],
  },
  timeline: {
    title: "Timeline app",
    seed: "002",
    summary:
      "VPC with explicit network ACLs and flow logs, RDS (Multi-AZ in prod) with read replicas and 30-day backups, Redis in cluster mode, private S3 assets behind CloudFront (OAC), backups, AWS Config and budgets; prod has a us-west-2 DR copy and a scripted failover.",
    details: [
      { label: "docs/workloads/timeline.md", href: "../workloads/timeline.md" },
      { label: "runbook", href: "../runbooks/timeline.md" },
    ],
  },
  milequest: {
    title: "Mile Quest",
    seed: "003",
    summary:
      "Amplify (SSR site + admin), a REST API with a Lambda authorizer and a WebSocket API, Lambda functions by domain, an Aurora Serverless v2 global database, ElastiCache Serverless, DynamoDB, the analytics path (EventBridge → Lambda → S3 → Athena), Cognito, budgets and Route 53 failover; prod has a us-west-2 standby. Every node of the seed's diagrams is mapped to its resources in the workload page.",
    details: [{ label: "docs/workloads/milequest.md", href: "../workloads/milequest.md" }],
  },
};
