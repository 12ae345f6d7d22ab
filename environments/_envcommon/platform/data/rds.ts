import { type Dependency, type RegionName, replicaSourceCredentialIssues } from "@infra/config";
import { rdsInputs } from "@infra/platform-inputs";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { ecsCluster } from "../services/ecs-cluster";
import { platformModule } from "../workload";

/**
 * _envcommon/platform/data/rds.hcl: PostgreSQL per seed 004. The defaults are dev's row of the RDS table;
 * env deployments override instance class, storage and Multi-AZ.
 */
export const rds = platformModule("data/rds", {
  schema: rdsInputs,
  // Seed 004 resource tags over the workload's (ADR 0070): automated backups (7-30 days per env).
  tags: { service: "database", backupRequired: true },
  dependencies: (ctx, inputs): Record<string, Dependency> => ({
    vpc,
    kms,
    ecs: ecsCluster,
    // A DR replica reads its source from the primary region's database: implied by the setting.
    ...(inputs.replicaOfPrimary && ctx.region.role === "dr" ? { primary: { module: rds, region: "primary" as const } } : {}),
    // A replicated master secret is encrypted with the data key of each replica region (created first).
    ...Object.fromEntries(
      (inputs.masterCredentials.mode === "rotated-secret" ? (inputs.masterCredentials.replicaRegions ?? []) : []).map((region) => [
        `kms-${region}`,
        { module: kms, region: region as RegionName },
      ]),
    ),
  }),
  // A cross-region replica's source must not have an RDS-managed password (RDS refuses the replica).
  check: (self, env) => [
    ...(self.region.role !== "dr" && (self.inputs as { replicaOfPrimary: boolean }).replicaOfPrimary
      ? [
          {
            path: "inputs.replicaOfPrimary",
            value: true,
            allowed: "false in a primary region: a replica of the primary region's database belongs in a DR region",
          },
        ]
      : []),
    ...replicaSourceCredentialIssues(self, env),
  ],
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-platform`,
    engine: "postgres" as const,
    // The major only: RDS upgrades minors (docs/adr/0005-engine-versions-and-windows.md).
    engineVersion: "16",
    instanceClass: "db.t3.micro",
    allocatedStorageGb: 20,
    multiAz: false,
    backupRetentionDays: settings.backupRetentionDays,
    enhancedMonitoringInterval: 0 as const,
    deletionProtection: settings.deletionProtection,
    forceSsl: settings.httpsOnly,
    // Seed 004 logging strategy: RDS logs 7 days in every env.
    logRetentionDays: 7,
    replicaOfPrimary: false,
    // A primary with a DR replica sets { mode: "rotated-secret" } in its env (RDS refuses replicas of a managed password).
    masterCredentials: { mode: "rds-managed" as const },
  }),
});
