import { REST_FUNCTIONS } from "@infra/milequest-inputs";
import { type BadConfigCase, FILES, dev, inputCase, prod, staging, withInputs, withRegion, withSettings, withWorkload } from "./variants";

const FN = "us-east-1/aerologue-compute/functions.inputs.functions";

/** Lambda, EventBridge schedules, CloudWatch log retention and alarms, ECS sizing. */
export const OPS_CASES: readonly BadConfigCase[] = [
  // Canary deploys (issue 14): a Lambda deployment config, and an alias name Lambda accepts.
  inputCase(
    "an ECS deployment configuration for Lambda aliases (milequest)",
    staging,
    "milequest-ops/deploy",
    { deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes" },
    FILES.staging.milequest,
    '"CodeDeployDefault.LambdaCanary10Percent5Minutes"',
  ),
  inputCase(
    "an API alias named like a version (milequest)",
    staging,
    "milequest-api/rest",
    { aliasName: "42" },
    FILES.staging.milequest,
    "not only digits (that names a version)",
  ),
  // Lambda reserved concurrency across workloads of one account and region (issue 11 class 9).
  {
    name: "reserved concurrency over the account quota in a region (the pre-fix prod us-east-1: 1,145 of 900)",
    variant: () => {
      const reserve = (n: number) => ({ reservedConcurrency: n });
      const rest = Object.fromEntries(
        REST_FUNCTIONS.filter((f) => f !== "health").map((f) => [f, reserve(f === "authorizer" ? 200 : f === "logActivity" ? 100 : 50)]),
      );
      const base = withRegion(prod(), "us-east-1", { reservedConcurrency: undefined });
      return withInputs(withInputs(base, "us-east-1", "milequest-api/rest", { functions: rest }), "us-east-1", "milequest-api/websocket", {
        functions: { aggregateProgress: reserve(100), wsConnect: reserve(50), wsDisconnect: reserve(50), wsBroadcast: reserve(20) },
      });
    },
    expect: {
      level: FILES.prod.region,
      path: "quotas.lambdaConcurrentExecutions",
      value: "1000",
      allowed:
        "us-east-1 reserves 1131 across workloads: aerologue 131 (us-east-1/aerologue-data/aurora 1 [environments/prod/us-east-1/aerologue.ts]; us-east-1/aerologue-compute/functions 130 [environments/prod/us-east-1/aerologue.ts]), milequest 1000",
    },
  },
  {
    name: "a workload reserving more than its allocation in region.ts",
    variant: () => withRegion(prod(), "us-east-1", { reservedConcurrency: { aerologue: 131, milequest: 500 } }),
    expect: {
      level: FILES.prod.region,
      path: "reservedConcurrency.milequest",
      value: "500",
      allowed:
        "milequest reserves 630 in us-east-1 (us-east-1/milequest-api/rest 445 [environments/prod/us-east-1/milequest.ts]; us-east-1/milequest-api/websocket 160",
    },
  },
  {
    name: "allocations over the quota even though the reservations fit",
    variant: () => withRegion(prod(), "us-east-1", { reservedConcurrency: { aerologue: 300, milequest: 650 } }),
    expect: {
      level: FILES.prod.region,
      path: "quotas.lambdaConcurrentExecutions",
      value: "1000",
      allowed: "us-east-1 reserves 950 across workloads: aerologue 300 (allocation in environments/prod/us-east-1/region.ts)",
    },
  },
  // Lambda memory 128-10240 MB, timeout <= 900 s
  inputCase(
    "Lambda memory under 128 MB",
    dev,
    "aerologue-compute/functions",
    { functions: { "api-rest-handler": { memoryMb: 64 } } },
    FILES.dev.aerologue,
    "must be >= 128",
  ),
  inputCase(
    "Lambda memory over 10240 MB",
    dev,
    "aerologue-compute/functions",
    { functions: { "crossing-detector": { memoryMb: 20480 } } },
    FILES.dev.aerologue,
    "must be <= 10240",
  ),
  inputCase(
    "Lambda timeout over 900 s",
    dev,
    "aerologue-compute/functions",
    { functions: { "etl-airport-data": { timeoutSeconds: 901 } } },
    FILES.dev.aerologue,
    "must be <= 900",
  ),
  inputCase(
    "Lambda memory over 10240 MB (milequest REST)",
    staging,
    "milequest-api/rest",
    { functions: { login: { memoryMb: 12000 } } },
    FILES.staging.milequest,
    "must be <= 10240",
  ),
  inputCase(
    "Lambda timeout of 20 minutes (milequest jobs)",
    staging,
    "milequest-compute/jobs",
    { functions: { exportAnalytics: { timeoutSeconds: 1200 } } },
    FILES.staging.milequest,
    "must be <= 900",
  ),
  {
    name: "a Lambda layer that does not exist",
    variant: () => withInputs(dev(), "us-east-1", "aerologue-compute/functions", { functions: { "ws-broadcast": { layers: ["nope"] } } }),
    expect: { level: FILES.dev.aerologue, path: `${FN}.ws-broadcast.layers.0`, value: '"nope"', allowed: 'unknown layer "nope"' },
  },
  // Schedules: EventBridge runs at most once a minute
  inputCase(
    "schedule every 30 seconds",
    staging,
    "milequest-compute/jobs",
    { wearableSyncSchedule: "rate(30 seconds)" },
    FILES.staging.milequest,
    "EventBridge runs a schedule at most once a minute: use rate(1 minute) or slower",
  ),
  inputCase(
    "cron with a seconds field",
    staging,
    "milequest-compute/jobs",
    { wearableSyncSchedule: "cron(*/30 * * * * ? *)" },
    FILES.staging.milequest,
    "a cron expression has 6 fields",
  ),
  inputCase(
    "rate with a plural unit for 1",
    staging,
    "milequest-compute/jobs",
    { wearableSyncSchedule: "rate(1 hours)" },
    FILES.staging.milequest,
    "use the singular unit for 1: rate(1 hour)",
  ),
  {
    name: "sub-minute Lambda schedule that does not divide a minute",
    variant: () =>
      withInputs(dev(), "us-east-1", "aerologue-compute/functions", { functions: { "etl-flight-data": { trigger: { type: "schedule", everySeconds: 45 } } } }),
    expect: { level: FILES.dev.aerologue, path: `${FN}.etl-flight-data.trigger.everySeconds`, value: "45", allowed: "a sub-minute schedule must divide 60" },
  },
  {
    name: "Lambda schedule that is not whole minutes",
    variant: () =>
      withInputs(dev(), "us-east-1", "aerologue-compute/functions", { functions: { "etl-airport-data": { trigger: { type: "schedule", everySeconds: 90 } } } }),
    expect: {
      level: FILES.dev.aerologue,
      path: `${FN}.etl-airport-data.trigger.everySeconds`,
      value: "90",
      allowed: "schedules of a minute or more must be whole minutes",
    },
  },
  // Log retention values CloudWatch does not accept
  {
    name: "env log retention of 10 days",
    variant: () => withSettings(dev(), { logRetentionDays: 10 }),
    expect: {
      level: FILES.dev.env,
      path: "settings.logRetentionDays",
      value: "10",
      allowed: "must be a CloudWatch Logs retention value: one of 1, 3, 5, 7, 14, 30",
    },
  },
  {
    name: "log retention 0 (never expire) is not allowed",
    variant: () => withSettings(dev(), { logRetentionDays: 0 }),
    expect: { level: FILES.dev.env, path: "settings.logRetentionDays", value: "0", allowed: "must be a CloudWatch Logs retention value" },
  },
  {
    name: "flow log retention of 45 days",
    variant: () => withSettings(dev(), { flowLogs: { enabled: true, retentionDays: 45 } }),
    expect: { level: FILES.dev.env, path: "settings.flowLogs.retentionDays", value: "45", allowed: "must be a CloudWatch Logs retention value" },
  },
  inputCase(
    "platform VPC deployment flow log retention of 45 days",
    dev,
    "network/vpc",
    { flowLogs: { enabled: true, retentionDays: 45 } },
    FILES.dev.platform,
    "must be a CloudWatch Logs retention value",
    { at: "flowLogs.retentionDays" },
  ),
  inputCase(
    "WAF log retention of 15 days",
    dev,
    "services/ingress",
    { wafLogRetentionDays: 15 },
    FILES.dev.platform,
    "must be a CloudWatch Logs retention value",
  ),
  {
    name: "aerologue log retention of 45 days",
    variant: () => withWorkload(dev(), "aerologue", { logRetentionDays: 45 }),
    expect: { level: FILES.dev.env, path: "workloads.aerologue.logRetentionDays", value: "45", allowed: "must be one of 7 | 14 | 30 | 60 | 90 | 180 | 365" },
  },
  inputCase("timeline log retention of 100 days", dev, "timeline-ops/monitoring", { logRetentionDays: 100 }, FILES.dev.timeline, ""),
  // CloudWatch alarms: a threshold needs a period
  inputCase(
    "alarm threshold without a period",
    dev,
    "ops/monitoring",
    { alarms: { cpuHigh: { threshold: 90, periodSeconds: null } } },
    FILES.dev.platform,
    "must be a number",
    { at: "alarms.cpuHigh.periodSeconds" },
  ),
  inputCase(
    "alarm period CloudWatch does not accept (45 s)",
    dev,
    "ops/monitoring",
    { alarms: { cpuHigh: { periodSeconds: 45 } } },
    FILES.dev.platform,
    "CloudWatch accepts a period of 10, 30 (high-resolution metrics) or a multiple of 60 seconds",
  ),
  inputCase(
    "alarm window longer than 7 days",
    dev,
    "ops/monitoring",
    { alarms: { freeStorageLow: { periodSeconds: 86400, evaluationPeriods: 8 } } },
    FILES.dev.platform,
    "exceeds CloudWatch's 7-day window",
    { at: "alarms.freeStorageLow.evaluationPeriods" },
  ),
  inputCase(
    "more datapoints to alarm than evaluated",
    dev,
    "ops/monitoring",
    { alarms: { cpuHigh: { datapointsToAlarm: 3 } } },
    FILES.dev.platform,
    "must be <= evaluationPeriods (2)",
  ),
  inputCase("CPU alarm threshold over 100 %", dev, "ops/monitoring", { alarms: { cpuHigh: { threshold: 150 } } }, FILES.dev.platform, "must be <= 100"),
  inputCase("timeline CPU alarm threshold over 100 %", dev, "timeline-ops/monitoring", { cpuThresholdPercent: 120 }, FILES.dev.timeline, "must be <= 100"),
  // ECS sizing
  inputCase(
    "ECS cluster with min instances above max",
    dev,
    "services/ecs-cluster",
    { minInstances: 5, maxInstances: 3 },
    FILES.dev.platform,
    "must be <= maxInstances",
    { at: "minInstances" },
  ),
  inputCase(
    "EC2 instance type that is not one",
    dev,
    "services/ecs-cluster",
    { instanceType: "t3micro" },
    FILES.dev.platform,
    'must be an EC2 instance type like "t3.micro"',
  ),
  // Seed 004 EBS snapshots (ops/backup, ADR 0090).
  inputCase(
    "an EBS backup frequency AWS Backup is not given (monthly)",
    dev,
    "ops/backup",
    { frequency: "monthly" },
    FILES.dev.platform,
    'must be one of "hourly" | "daily" | "weekly"',
  ),
  inputCase(
    "EBS backups copied into their own region",
    prod,
    "ops/backup",
    { drCopy: { region: "us-east-1", retentionDays: 7 } },
    FILES.prod.platform,
    "another region of the env: a copy into the plan's own region protects nothing against a regional outage",
    { at: "drCopy.region" },
  ),
  {
    name: "EBS backups copied to a region with no vault of the platform",
    variant: () => withInputs(dev(), "us-east-1", "ops/backup", { drCopy: { region: "eu-west-1", retentionDays: 7 } }),
    expect: {
      level: FILES.dev.platform,
      path: "us-east-1/ops/backup.dependencies.drVault",
      value: '"eu-west-1/ops/backup"',
      allowed: "no such deployment in dev",
    },
  },
  // The platform service's scaling and image (seed 004 Scaling Architecture, ADR 0095)
  inputCase(
    "platform service with min tasks above max",
    dev,
    "services/app",
    { scaling: { minTasks: 4, maxTasks: 3 } },
    FILES.dev.platform,
    "must be <= scaling.maxTasks",
    { at: "scaling.minTasks" },
  ),
  inputCase("platform service CPU target of 100 %", dev, "services/app", { scaling: { targetCpuPercent: 100 } }, FILES.dev.platform, "must be <= 95"),
  inputCase("platform service image tag latest", dev, "services/app", { imageTag: "latest" }, FILES.dev.platform, 'never "latest"'),
  inputCase(
    "platform service reserving more memory than its limit",
    dev,
    "services/app",
    { memoryReservationMiB: 1024, memoryLimitMiB: 512 },
    FILES.dev.platform,
    "must be <= memoryLimitMiB",
    { at: "memoryReservationMiB" },
  ),
  inputCase(
    "platform service health check path without a leading slash",
    dev,
    "services/app",
    { healthCheckPath: "health" },
    FILES.dev.platform,
    'must be a URL path starting with "/"',
  ),
  // Prod's Splunk shipping (seed 004 "CloudWatch + Splunk")
  {
    name: "Splunk HEC endpoint over plain HTTP",
    variant: () => withWorkload(prod(), "platform", { splunk: { hecEndpoint: "http://splunk.example.org:8088" } }),
    expect: {
      level: FILES.prod.env,
      path: "workloads.platform.splunk.hecEndpoint",
      value: '"http://splunk.example.org:8088"',
      allowed: "must be the HTTPS URL of a Splunk HTTP Event Collector",
    },
  },
  {
    name: "log shipping deployed without a Splunk endpoint",
    variant: () => withWorkload(prod(), "platform", { splunk: undefined }),
    expect: {
      level: FILES.prod.platform,
      path: "us-east-1/ops/log-shipping.inputs.hecEndpoint",
      value: "undefined",
      allowed: "is not set: give env.ts workloads.platform.splunk",
    },
  },
];
