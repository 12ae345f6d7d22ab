import { replicaSourceCredentialIssues } from "@infra/config";
import { timelineRdsInputs } from "@infra/timeline-inputs";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { timelineModule } from "../workload";

/**
 * Seed 002 primary database: RDS PostgreSQL, automated backups with 30-day retention in every env
 * (the seed gives one number), TLS required in every env ("encryption in transit"). Envs set
 * instance class, storage, Multi-AZ and the read replica count.
 */
export const rds = timelineModule("data/rds", {
  schema: timelineRdsInputs,
  dependencies: {
    vpc,
    kms,
  },
  // A cross-region replica's source must not have an RDS-managed password (RDS refuses the replica).
  check: (self, env) => replicaSourceCredentialIssues(self, env),
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-timeline`,
    // The major only: RDS upgrades minors (docs/adr/0005-engine-versions-and-windows.md).
    engineVersion: "16",
    instanceClass: "db.t4g.micro",
    allocatedStorageGb: 20,
    multiAz: false,
    backupRetentionDays: 30,
    readReplicas: 0,
    replicaMultiAz: false,
    enhancedMonitoringInterval: 0 as const,
    deletionProtection: settings.deletionProtection,
    forceSsl: true,
    logRetentionDays: settings.logRetentionDays,
    replicaOfPrimary: false,
    // A primary with read replicas sets { mode: "rotated-secret" } in its env (RDS refuses replicas of a managed password).
    masterCredentials: { mode: "rds-managed" as const },
  }),
});
