import { type BadConfigCase, FILES, dev, inputCase, prod, staging, withInputs, withSettings } from "./variants";

const DDB = "aerologue-data/dynamodb";
const DDB_PATH = "us-east-1/aerologue-data/dynamodb.inputs.tables";

/** RDS, Aurora Serverless v2, DynamoDB, ElastiCache. */
export const DATA_CASES: readonly BadConfigCase[] = [
  // Read replicas of an RDS-managed master password (issue 11 class 8): RDS refuses them.
  {
    name: "same-region read replicas of an RDS-managed master password",
    variant: () => withInputs(staging(), "us-east-1", "timeline-data/rds", { masterCredentials: { mode: "rds-managed" } }),
    expect: {
      level: FILES.staging.timeline,
      path: "us-east-1/timeline-data/rds.inputs.readReplicas",
      value: "1",
      allowed: 'masterCredentials.mode is "rds-managed": RDS refuses read replicas of an instance whose master password it manages',
    },
  },
  {
    name: "a cross-region DR replica whose source has an RDS-managed master password",
    variant: () => withInputs(prod(), "us-east-1", "data/rds", { masterCredentials: { mode: "rds-managed" } }),
    expect: {
      level: "environments/prod/eu-west-1/platform.ts",
      path: "eu-west-1/data/rds.dependencies.primary",
      value: '"us-east-1/data/rds"',
      allowed: 'the source us-east-1/data/rds has masterCredentials.mode "rds-managed". RDS refuses read replicas',
    },
  },
  {
    name: "a rotated master secret rotating less often than every 90 days",
    variant: () => withInputs(prod(), "us-east-1", "timeline-data/rds", { masterCredentials: { mode: "rotated-secret", rotationDays: 180 } }),
    expect: {
      level: FILES.prod.timeline,
      path: "us-east-1/timeline-data/rds.inputs.masterCredentials.rotationDays",
      value: "180",
      allowed: "must be <= 90",
    },
  },
  // Instance classes that do not exist for the engine
  inputCase(
    "RDS instance class that does not exist (db.t3.mega)",
    staging,
    "data/rds",
    { instanceClass: "db.t3.mega" },
    FILES.staging.platform,
    "db.t3 sizes for postgres are micro, small, medium, large, xlarge, 2xlarge",
  ),
  inputCase("RDS instance class of an unknown family", staging, "data/rds", { instanceClass: "db.x9.large" }, FILES.staging.platform, "db.x9"),
  inputCase(
    "an Aurora-only class on RDS PostgreSQL (db.serverless)",
    staging,
    "data/rds",
    { instanceClass: "db.serverless" },
    FILES.staging.platform,
    "instance class",
  ),
  inputCase(
    "timeline RDS instance class that does not exist",
    dev,
    "timeline-data/rds",
    { instanceClass: "db.t4g.huge" },
    FILES.dev.timeline,
    "db.t4g sizes for postgres are",
  ),
  inputCase("an unknown RDS engine", staging, "data/rds", { engine: "oracle-ee" }, FILES.staging.platform, 'must be one of "postgres" | "mysql"'),
  // Storage under the engine minimum
  inputCase(
    "RDS storage under the gp3 minimum",
    staging,
    "data/rds",
    { allocatedStorageGb: 10 },
    FILES.staging.platform,
    "must be >= 20 GB for postgres on gp3",
  ),
  inputCase(
    "timeline RDS storage under the minimum",
    dev,
    "timeline-data/rds",
    { allocatedStorageGb: 5 },
    FILES.dev.timeline,
    "must be >= 20 GB for postgres on gp3",
  ),
  {
    name: "RDS autoscaling ceiling below the allocated storage",
    variant: () => withInputs(staging(), "us-east-1", "data/rds", { allocatedStorageGb: 100, maxAllocatedStorageGb: 50 }),
    expect: {
      level: FILES.staging.platform,
      path: "us-east-1/data/rds.inputs.maxAllocatedStorageGb",
      value: "50",
      allowed: "must be 0 (no autoscaling) or above allocatedStorage (100 GB) and at most 65536",
    },
  },
  // Issue 13.2: this passed config and crashed synth with a trace (the construct wants the ceiling strictly above).
  inputCase(
    "RDS autoscaling ceiling equal to the allocated storage",
    staging,
    "data/rds",
    { maxAllocatedStorageGb: 30 },
    FILES.staging.platform,
    "must be 0 (no autoscaling) or above allocatedStorage (30 GB)",
  ),
  // Issue 13.2: gave `no dependency named "primary"` from the builder; the DR dependency is derived from the setting.
  inputCase(
    "an RDS read replica of the primary in the primary region itself",
    staging,
    "data/rds",
    { replicaOfPrimary: true },
    FILES.staging.platform,
    "false in a primary region",
  ),
  // Backup retention outside 0-35
  {
    name: "env backup retention of 36 days",
    variant: () => withSettings(staging(), { backupRetentionDays: 36 }),
    expect: { level: FILES.staging.env, path: "settings.backupRetentionDays", value: "36", allowed: "must be <= 35" },
  },
  {
    name: "env backup retention below 0",
    variant: () => withSettings(staging(), { backupRetentionDays: -1 }),
    expect: { level: FILES.staging.env, path: "settings.backupRetentionDays", value: "-1", allowed: "must be >= 1" },
  },
  inputCase("RDS deployment backup retention of 40 days", staging, "data/rds", { backupRetentionDays: 40 }, FILES.staging.platform, "must be <= 35"),
  inputCase("Aurora backup retention of 36 days", prod, "aerologue-data/aurora", { backupRetentionDays: 36 }, FILES.prod.aerologue, "must be <= 35"),
  inputCase("Redis snapshot retention of 36 days", prod, "aerologue-data/cache", { snapshotRetentionDays: 36 }, FILES.prod.aerologue, "must be <= 35"),
  inputCase("DynamoDB point-in-time recovery of 36 days", prod, DDB, { pitrDays: 36 }, FILES.prod.aerologue, "must be <= 35"),
  // ARC-005 extensions: names are written into SQL by the extensions function (ADR 0125).
  {
    name: "Aurora extension name that is not an identifier (aerologue)",
    variant: () => withInputs(prod(), "us-east-1", "aerologue-data/aurora", { extensions: ["postgis", "pg_trgm; DROP TABLE users"] }),
    expect: {
      level: FILES.prod.aerologue,
      path: "us-east-1/aerologue-data/aurora.inputs.extensions.1",
      value: '"pg_trgm; DROP TABLE users"',
      allowed: "an extension name: lower-case letters, digits and _, starting with a letter (it is written into SQL)",
    },
  },
  // Aurora Serverless v2 capacity
  {
    name: "Aurora min capacity above max (aerologue)",
    variant: () => withInputs(prod(), "us-east-1", "aerologue-data/aurora", { minCapacity: 64, maxCapacity: 16 }),
    expect: { level: FILES.prod.aerologue, path: "us-east-1/aerologue-data/aurora.inputs.maxCapacity", value: "16", allowed: "must be >= minCapacity 64" },
  },
  inputCase("Aurora max capacity above 256 ACU (aerologue)", prod, "aerologue-data/aurora", { maxCapacity: 512 }, FILES.prod.aerologue, "must be <= 256"),
  inputCase("Aurora min capacity below 0 ACU (aerologue)", prod, "aerologue-data/aurora", { minCapacity: -1 }, FILES.prod.aerologue, "must be >= 0"),
  // Athena partition projection and the CUR 2.0 export (issue 14): the first day / billing period must be a real date.
  inputCase(
    "Athena events table starting on a day that does not exist (milequest)",
    staging,
    "milequest-data/analytics",
    { eventsFrom: "2026-02-30" },
    FILES.staging.milequest,
    "must be a calendar date yyyy-MM-dd",
  ),
  {
    name: "CUR 2.0 table projecting from a month that does not exist (milequest)",
    variant: () =>
      withInputs(staging(), "us-east-1", "milequest-data/analytics", {
        costExport: { kind: "owner", timeGranularity: "DAILY", includeResources: true, billingPeriodsFrom: "2026-13" },
      }),
    expect: {
      level: FILES.staging.milequest,
      path: "us-east-1/milequest-data/analytics.inputs.costExport.billingPeriodsFrom",
      value: '"2026-13"',
      allowed: "must be a calendar date yyyy-MM",
    },
  },
  {
    name: "an account without a cost export owner must say why (milequest)",
    variant: () => withInputs(staging(), "us-east-1", "milequest-data/analytics", { costExport: { kind: "none" } }),
    expect: {
      level: FILES.staging.milequest,
      path: "us-east-1/milequest-data/analytics.inputs.costExport.reason",
      value: "undefined",
      allowed: "must be a string",
    },
  },
  {
    name: "Aurora min ACU above max ACU (milequest)",
    variant: () => withInputs(staging(), "us-east-1", "milequest-data/aurora", { minAcu: 8, maxAcu: 4 }),
    expect: { level: FILES.staging.milequest, path: "us-east-1/milequest-data/aurora.inputs.minAcu", value: "8", allowed: "must be <= maxAcu (4)" },
  },
  inputCase(
    "Aurora max ACU above 256 (milequest)",
    staging,
    "milequest-data/aurora",
    { maxAcu: 300 },
    FILES.staging.milequest,
    "must be 1..256 ACUs in steps of 0.5",
  ),
  inputCase(
    "Aurora capacity not in 0.5 ACU steps (milequest)",
    staging,
    "milequest-data/aurora",
    { minAcu: 0.7 },
    FILES.staging.milequest,
    "must be 0.5..256 ACUs in steps of 0.5",
  ),
  // DynamoDB keys and attributes
  inputCase(
    "an index key declaring a table key attribute with another type",
    prod,
    DDB,
    { tables: { user_sessions: { indexes: [{ name: "by_user", partitionKey: { name: "user_id", type: "N" } }] } } },
    FILES.prod.aerologue,
    'attribute "user_id" is declared as N here and as S elsewhere',
  ),
  {
    name: "a sort key on the partition key attribute",
    variant: () => withInputs(prod(), "us-east-1", DDB, { tables: { user_sessions: { sortKey: { name: "user_id", type: "S" } } } }),
    expect: {
      level: FILES.prod.aerologue,
      path: `${DDB_PATH}.user_sessions.sortKey.name`,
      value: '"user_id"',
      allowed: 'sortKey "user_id" must differ from the partition key',
    },
  },
  inputCase(
    "two indexes with the same name",
    prod,
    DDB,
    {
      tables: {
        user_context: {
          indexes: [
            { name: "ix1", partitionKey: { name: "a", type: "S" } },
            { name: "ix1", partitionKey: { name: "b", type: "S" } },
          ],
        },
      },
    },
    FILES.prod.aerologue,
    'index "ix1": name is used twice',
  ),
  {
    name: "a key attribute type DynamoDB does not have",
    variant: () => withInputs(prod(), "us-east-1", DDB, { tables: { vlog_stopovers: { partitionKey: { name: "journey_id", type: "BOOL" } } } }),
    expect: { level: FILES.prod.aerologue, path: `${DDB_PATH}.vlog_stopovers.partitionKey.type`, value: '"BOOL"', allowed: 'must be one of "S" | "N"' },
  },
  {
    name: "TTL on a string key attribute",
    variant: () => withInputs(prod(), "us-east-1", DDB, { tables: { user_sessions: { ttl: { attribute: "session_id", days: 30 } } } }),
    expect: {
      level: FILES.prod.aerologue,
      path: `${DDB_PATH}.user_sessions.ttl.attribute`,
      value: '"session_id"',
      allowed: 'the TTL attribute holds epoch seconds (a Number); "session_id" is a S key attribute',
    },
  },
  {
    name: "a key without a name",
    variant: () => withInputs(dev(), "us-east-1", DDB, { tables: { admin_audit_log: { partitionKey: { name: "", type: "S" } } } }),
    expect: { level: FILES.dev.aerologue, path: `${DDB_PATH}.admin_audit_log.partitionKey.name`, value: '""', allowed: "must be >= 1 characters" },
  },
  // The replicated master secret (seed 004 "Secrets Manager (cross-region)", ADR 0090).
  {
    name: "a master secret replicated twice to one region",
    variant: () =>
      withInputs(prod(), "us-east-1", "data/rds", {
        masterCredentials: { mode: "rotated-secret", rotationDays: 30, replicaRegions: ["eu-west-1", "eu-west-1"] },
      }),
    expect: {
      level: FILES.prod.platform,
      path: "us-east-1/data/rds.inputs.masterCredentials.replicaRegions",
      value: '["eu-west-1","eu-west-1"]',
      allowed: "must not list a region twice",
    },
  },
  {
    name: "a master secret replicated to a region without the platform's keys",
    variant: () =>
      withInputs(staging(), "us-east-1", "data/rds", { masterCredentials: { mode: "rotated-secret", rotationDays: 30, replicaRegions: ["eu-west-1"] } }),
    expect: {
      level: FILES.staging.platform,
      path: "us-east-1/data/rds.dependencies.kms-eu-west-1",
      value: '"eu-west-1/security/kms"',
      allowed: "no such deployment in staging",
    },
  },
];
