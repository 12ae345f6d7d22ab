import { auroraInputs } from "@infra/aerologue-inputs";
import { PRIMARY, prefix, regional } from "../names";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { secrets } from "../security/secrets";
import { aerologueModule } from "../workload";

/** ARC-005 Aurora PostgreSQL 15 Serverless v2, 0.5-16 ACU, writer + reader, 7-day backups, 90-day credential rotation. */
export const aurora = aerologueModule("data/aurora", {
  schema: auroraInputs,
  dependencies: {
    kms,
    secrets,
    vpc,
  },
  defaults: (ctx) => ({
    clusterIdentifier: `${regional(ctx)}-aurora`,
    engineVersion: "15.10",
    databaseName: "aerologue",
    minCapacity: 0.5,
    maxCapacity: 16,
    instances: 2,
    backupRetentionDays: 7,
    credentialRotationDays: 90,
    deletionProtection: ctx.settings.deletionProtection,
    logRetentionDays: ctx.workload.logRetentionDays,
    role: ctx.workload.globalRegions.length > 0 ? ("global-primary" as const) : ("standalone" as const),
    globalClusterIdentifier: `${prefix(ctx)}-aurora-global`,
    primaryRegion: ctx.primaryRegion.name,
    // ARC-005 "Extensions: PostGIS (geospatial), pg_trgm (text search)": both on Aurora PostgreSQL 15's allow list.
    extensions: ["postgis", "pg_trgm"],
  }),
  // The extensions function (DatabaseExtensions) reserves 1; a secondary has none.
  reservedConcurrency: (inputs) => (inputs.role === "global-secondary" ? 0 : 1),
  waivers: [
    {
      rule: "INF-LAMBDA-002",
      address: "aws_lambda_function.extensions_function_*",
      reason:
        "ADR 0125: the extensions function is only invoked synchronously by Terraform (aws_lambda_invocation); a failure fails the apply, so there is no asynchronous event to dead-letter",
    },
  ],
});

/** ARC-012: the Aurora global database's secondary cluster in a global region (replicates the primary). */
export const auroraSecondary = aerologueModule("data/aurora", {
  schema: auroraInputs,
  dependencies: {
    kms: { module: kms, region: PRIMARY },
    secrets: { module: secrets, region: PRIMARY },
    vpc,
    primary: { module: aurora, region: PRIMARY },
  },
  defaults: (ctx) => ({ ...aurora.defaults(ctx), role: "global-secondary" as const }),
});
