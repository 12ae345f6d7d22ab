import { z } from "zod";
import { logRetention, name, region } from "./common";

/** milequest-data/aurora: Aurora Serverless v2 PostgreSQL + PostGIS (seed 003), writer and readers; DR member of a global database. */
export const auroraInputs = z
  .object({
    name,
    engineVersion: z.string().regex(/^\d+\.\d+$/, { message: 'must be an aurora-postgresql version like "16.6"' }),
    databaseName: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
    /** Seed 003 prices ACU-hours ($0.12): the range caps the bill. */
    minAcu: z.number(),
    maxAcu: z.number(),
    /** db.serverless instances: 1 writer + readers (seed 003 "Aurora Writer" / "Aurora Reader"). */
    instances: z.number().int().min(1).max(16),
    backupRetentionDays: z.number().int().min(1).max(35),
    deletionProtection: z.boolean(),
    logRetentionDays: logRetention,
    /**
     * none: a standalone cluster; primary: creates the global database (seed 003 DR) and joins it;
     * secondary: the DR region's read-only replica cluster of the primary's global database.
     */
    global: z.enum(["none", "primary", "secondary"]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const halfStep = (n: number) => Number.isInteger(n * 2);
    if (!halfStep(v.minAcu) || v.minAcu < 0.5 || v.minAcu > 256)
      ctx.addIssue({ code: "custom", path: ["minAcu"], message: "must be 0.5..256 ACUs in steps of 0.5" });
    if (!halfStep(v.maxAcu) || v.maxAcu < 1 || v.maxAcu > 256)
      ctx.addIssue({ code: "custom", path: ["maxAcu"], message: "must be 1..256 ACUs in steps of 0.5" });
    if (v.minAcu > v.maxAcu) ctx.addIssue({ code: "custom", path: ["minAcu"], message: `must be <= maxAcu (${v.maxAcu})` });
    if (v.global !== "secondary" && v.instances < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["instances"],
        message: 'the read path (seed 003 "Aurora Reader") needs a writer and at least one reader: instances >= 2',
      });
    }
  });
export type AuroraInputs = z.infer<typeof auroraInputs>;

/** milequest-data/cache: ElastiCache Serverless Redis (seed 003), read-path cache and real-time pub/sub. */
export const cacheInputs = z
  .object({
    name: name.refine((n) => n.length <= 40, { message: "must be at most 40 characters (ElastiCache limit)" }),
    maxDataStorageGb: z.number().int().min(1).max(5000),
    maxEcpuPerSecond: z.number().int().min(1000).max(15_000_000),
    snapshotRetentionDays: z.number().int().min(0).max(35),
    deletionProtection: z.boolean(),
  })
  .strict();
export type CacheInputs = z.infer<typeof cacheInputs>;

/** milequest-data/dynamodb: sessions and real-time state (seed 003 "DynamoDB Sessions & Real-time"). */
export const dynamodbInputs = z
  .object({
    name,
    deletionProtection: z.boolean(),
    pointInTimeRecoveryDays: z.number().int().min(1).max(35),
    /** Global table replicas (DR standby reads the same sessions); each region needs a kms deployment. */
    replicaRegions: z.array(region),
  })
  .strict();
export type DynamodbInputs = z.infer<typeof dynamodbInputs>;

/** milequest-data/s3: user data, the analytics data lake, and their access logs (seed 003 "S3: User Data", "S3 Data Lake"). */
export const s3Inputs = z
  .object({
    /** Bucket name prefix; names end with the bucket's purpose and include env and region. */
    name,
    deletionProtection: z.boolean(),
    /** Days before user data moves to STANDARD_IA. */
    userDataIaDays: z.number().int().min(30),
    /** Days before data lake objects move to GLACIER_IR. */
    dataLakeGlacierDays: z.number().int().min(30),
    accessLogExpirationDays: z.number().int().min(1),
    /** Replicate user data and the data lake to the DR region's buckets (seed 003 "S3 Cross-Region Replication"). */
    replicateToDr: z.boolean(),
  })
  .strict();
export type S3Inputs = z.infer<typeof s3Inputs>;

/** A real calendar date in `format` (e.g. 2026-02-30 is refused). */
function calendarDate(format: string, pattern: RegExp) {
  const isCalendarDate = (v: string): boolean => {
    if (!pattern.test(v)) return false;
    const day = new Date(`${v.length === 7 ? `${v}-01` : v}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
  };
  return z.string().refine(isCalendarDate, { message: `must be a calendar date ${format}` });
}

/**
 * CUR 2.0 through AWS Data Exports (`kind`: the config chain replaces, not merges, another variant): `owner` creates the account's export (a us-east-1 service),
 * its SSE-S3 bucket and the Glue table Athena reads; `none` leaves the account's cost export to
 * another owner (another workload, the payer account), with the reason.
 */
export const costExportInput = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("owner"),
      /** CUR 2.0 time granularity of line items. */
      timeGranularity: z.enum(["HOURLY", "DAILY", "MONTHLY"]),
      /** Include resource ids (line_item_resource_id): cost per function, table, bucket. */
      includeResources: z.boolean(),
      /** First billing period (yyyy-MM) the Glue table projects. */
      billingPeriodsFrom: calendarDate("yyyy-MM", /^\d{4}-\d{2}$/),
    })
    .strict(),
  z.object({ kind: z.literal("none"), reason: z.string().min(10) }).strict(),
]);

/** milequest-data/analytics: Athena over the data lake (seed 003 "Analytics Path", "Athena"). */
export const analyticsInputs = z
  .object({
    name,
    /** Glue database name (letters, digits, underscore). */
    glueDatabase: z.string().regex(/^[a-z][a-z0-9_]{0,254}$/, { message: "must be lower-case letters, digits and _" }),
    /** Bytes a single query may scan (cost guard). */
    bytesScannedCutoffPerQuery: z.number().int().min(10_485_760),
    resultExpirationDays: z.number().int().min(1),
    /** First day of the data lake's `events` table (yyyy-MM-dd): Athena's partition projection enumerates days from it. */
    eventsFrom: calendarDate("yyyy-MM-dd", /^\d{4}-\d{2}-\d{2}$/),
    /** The account's cost and usage export (seed 003 "CUR → Athena"): one owner per account. */
    costExport: costExportInput,
    deletionProtection: z.boolean(),
  })
  .strict();
export type AnalyticsInputs = z.infer<typeof analyticsInputs>;
export type CostExportInputs = z.infer<typeof costExportInput>;
