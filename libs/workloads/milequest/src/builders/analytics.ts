import { AthenaWorkgroup } from "@cdktf/provider-aws/lib/athena-workgroup";
import { BcmdataexportsExport } from "@cdktf/provider-aws/lib/bcmdataexports-export";
import { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database";
import { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table";
import type { DeploymentStack, StackBuilder } from "@infra/core";
import { SecureBucket } from "@infra/s3";
import type { AnalyticsInputs, CostExportInputs } from "../inputs";
import { CUR2_COLUMNS, CUR2_RESOURCE_COLUMN, DATA_LAKE_EVENTS, type GlueColumn, cur2QueryStatement } from "./analytics-tables";
import { type StorageOutputs, buildS3 } from "./data";
import { buildKms } from "./security";

export interface AnalyticsOutputs {
  readonly workgroupName: string;
  readonly glueDatabaseName: string;
  readonly resultsBucket: SecureBucket;
  /** `<database>.events`: the data lake's events. */
  readonly eventsTable: string;
  /** `<database>.cost_and_usage`: the account's CUR 2.0 export; none when another owner exports the account's costs. */
  readonly costTable?: string;
}

/** Data Exports and its API live in us-east-1 only: the export is created there whatever the stack's region. */
const DATA_EXPORTS_REGION = "us-east-1";
const PARQUET = {
  inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
  serDeInfo: { name: "parquet", serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
};
const columns = (list: readonly GlueColumn[]) => list.map((c) => ({ name: c.name, type: c.type, comment: c.comment }));

/**
 * Seed 003 "Analytics Path" (EventBridge → exportAnalytics → S3 Data Lake → Athena) and the cost
 * section's "CUR → Athena": an Athena workgroup with encrypted results, a Glue database with the
 * data lake's `events` table, and (as the account's cost export owner) a CUR 2.0 export into its
 * own bucket with the `cost_and_usage` table over it. Both tables use partition projection: Athena
 * computes the day / billing-period partitions from the layout, so no crawler or MSCK REPAIR runs.
 */
export const buildAnalytics: StackBuilder<AnalyticsInputs, AnalyticsOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const storage = ctx.dependencyOn("s3", buildS3);
  const resultsBucket = new SecureBucket(stack, "athena-results", {
    bucketName: `${inputs.name}-athena-results`,
    encryption: { mode: "kms", kmsKeyArn: keys.s3.keyArn },
    accessLogs: { targetBucketName: storage.accessLogs.bucketName },
    lifecycleRules: [{ id: "expire-results", expirationDays: inputs.resultExpirationDays }],
    deletionProtection: inputs.deletionProtection,
  });
  const database = new GlueCatalogDatabase(stack, "glue-database", {
    name: inputs.glueDatabase,
    description: "Mile Quest analytics events exported to the data lake",
    locationUri: `s3://${storage.dataLake.bucketName}/events/`,
  });
  const workgroup = new AthenaWorkgroup(stack, "workgroup", {
    name: inputs.name,
    description: "Mile Quest analytics over the data lake",
    state: "ENABLED",
    forceDestroy: false,
    configuration: {
      enforceWorkgroupConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: inputs.bytesScannedCutoffPerQuery,
      engineVersion: { selectedEngineVersion: "Athena engine version 3" },
      resultConfiguration: {
        outputLocation: `s3://${resultsBucket.bucketName}/results/`,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: keys.s3.keyArn },
        expectedBucketOwner: ctx.env.accountId,
      },
    },
    tags: { Name: inputs.name },
  });

  // The events exportAnalytics writes: JSON lines under events/dt=<day>/ (OpenX SerDe, gzip or not).
  const lake = DATA_LAKE_EVENTS;
  const eventsLocation = `s3://${storage.dataLake.bucketName}/${lake.prefix}`;
  const events = new GlueCatalogTable(stack, "events-table", {
    databaseName: database.name,
    name: "events",
    description: "Mile Quest domain events (EventBridge envelopes) exported by exportAnalytics, one per line",
    tableType: "EXTERNAL_TABLE",
    parameters: {
      EXTERNAL: "TRUE",
      classification: "json",
      "projection.enabled": "true",
      [`projection.${lake.partitionKey}.type`]: "date",
      [`projection.${lake.partitionKey}.format`]: lake.partitionFormat,
      [`projection.${lake.partitionKey}.range`]: `${inputs.eventsFrom},NOW`,
      [`projection.${lake.partitionKey}.interval`]: "1",
      [`projection.${lake.partitionKey}.interval.unit`]: "DAYS",
      // "$${" is Terraform's escape: Athena, not Terraform, fills in the partition value.
      "storage.location.template": `${eventsLocation}${lake.partitionKey}=$\${${lake.partitionKey}}/`,
    },
    partitionKeys: [{ name: lake.partitionKey, type: "string", comment: `event day, ${lake.partitionFormat} (UTC)` }],
    storageDescriptor: {
      location: eventsLocation,
      inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
      outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      serDeInfo: { name: "openx-json", serializationLibrary: "org.openx.data.jsonserde.JsonSerDe", parameters: { ...lake.serdeMappings } },
      columns: columns(lake.columns),
    },
  });

  const costTable =
    inputs.costExport.kind === "owner" ? buildCostExport(stack, inputs, inputs.costExport, ctx.env.accountId, storage, database.name) : undefined;
  return {
    workgroupName: workgroup.name,
    glueDatabaseName: database.name,
    resultsBucket,
    eventsTable: `${database.name}.${events.name}`,
    ...(costTable ? { costTable } : {}),
  };
};

/**
 * The account's CUR 2.0 export (AWS Data Exports), Parquet, overwritten per billing period, into
 * an SSE-S3 bucket whose policy lets only this account's exports write; and the Glue table over
 * `<prefix>/<export>/data/BILLING_PERIOD=yyyy-MM/`, with the columns the export selects.
 */
function buildCostExport(
  stack: DeploymentStack,
  inputs: AnalyticsInputs,
  cost: Extract<CostExportInputs, { kind: "owner" }>,
  accountId: string,
  storage: StorageOutputs,
  databaseName: string,
): string {
  const bucket = new SecureBucket(stack, "cost-exports", {
    bucketName: `${inputs.name}-cost-exports`,
    // Data Exports documents delivery to SSE-S3 buckets only (docs/adr/0110).
    encryption: { mode: "s3" },
    logSources: ["billing-exports"],
    accountId,
    accessLogs: { targetBucketName: storage.accessLogs.bucketName },
    deletionProtection: inputs.deletionProtection,
  });
  const exportName = `${inputs.name}-cur2`.slice(0, 128);
  const prefix = "cur2";
  const selected = cost.includeResources ? [...CUR2_COLUMNS, CUR2_RESOURCE_COLUMN] : [...CUR2_COLUMNS];
  new BcmdataexportsExport(stack, "cost-export", {
    provider: stack.providerFor(DATA_EXPORTS_REGION),
    export: [
      {
        name: exportName,
        description: "CUR 2.0 of this account for Athena (Mile Quest analytics, seed 003 CUR -> Athena)",
        dataQuery: [
          {
            queryStatement: cur2QueryStatement(selected),
            tableConfigurations: {
              COST_AND_USAGE_REPORT: {
                // Stated although it is the default: the API returns it, and an absent key reads as a change.
                BILLING_VIEW_ARN: `arn:aws:billing::${accountId}:billingview/primary`,
                TIME_GRANULARITY: cost.timeGranularity,
                INCLUDE_RESOURCES: cost.includeResources ? "TRUE" : "FALSE",
                INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY: "FALSE",
                INCLUDE_SPLIT_COST_ALLOCATION_DATA: "FALSE",
              },
            },
          },
        ],
        destinationConfigurations: [
          {
            s3Destination: [
              {
                s3Bucket: bucket.bucketName,
                s3Prefix: prefix,
                s3Region: stack.deployment.provider.region,
                s3OutputConfigurations: [{ format: "PARQUET", compression: "PARQUET", outputType: "CUSTOM", overwrite: "OVERWRITE_REPORT" }],
              },
            ],
          },
        ],
        refreshCadence: [{ frequency: "SYNCHRONOUS" }],
      },
    ],
    // Data Exports checks the bucket policy when the export is created.
    dependsOn: [bucket.policy],
  });

  const location = `s3://${bucket.bucketName}/${prefix}/${exportName}/data/`;
  const table = new GlueCatalogTable(stack, "cost-table", {
    databaseName,
    name: "cost_and_usage",
    description: "CUR 2.0 of this account (AWS Data Exports), one partition per billing period",
    tableType: "EXTERNAL_TABLE",
    parameters: {
      EXTERNAL: "TRUE",
      classification: "parquet",
      "projection.enabled": "true",
      "projection.billing_period.type": "date",
      "projection.billing_period.format": "yyyy-MM",
      "projection.billing_period.range": `${cost.billingPeriodsFrom},NOW`,
      "projection.billing_period.interval": "1",
      "projection.billing_period.interval.unit": "MONTHS",
      "storage.location.template": `${location}BILLING_PERIOD=$\${billing_period}/`,
    },
    partitionKeys: [{ name: "billing_period", type: "string", comment: "billing period, yyyy-MM" }],
    storageDescriptor: { location, ...PARQUET, columns: columns(selected) },
  });
  return `${databaseName}.${table.name}`;
}
