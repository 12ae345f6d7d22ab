import { defineModule, replicaSourceCredentialIssues } from "@infra/config";
import { rdsInputs } from "@infra/platform-inputs";

/**
 * _envcommon/data/rds.hcl: PostgreSQL per seed 004. The defaults are dev's row of the RDS table;
 * env deployments override instance class, storage and Multi-AZ.
 */
export const rds = defineModule({
  workload: "platform",
  category: "data",
  module: "rds",
  builder: "platform/rds",
  schema: rdsInputs,
  source: "environments/_envcommon/data/rds.ts",
  // Seed 004 resource tags over the workload's (ADR 0070): automated backups (7-30 days per env).
  tags: { service: "database", backupRequired: true },
  dependencies: {
    vpc: { category: "network", module: "vpc" },
    kms: { category: "security", module: "kms" },
    ecs: { category: "services", module: "ecs-cluster" },
  },
  // A cross-region replica's source must not have an RDS-managed password (RDS refuses the replica).
  check: (self, env) => replicaSourceCredentialIssues(self, env),
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
