import type { RegionName } from "@infra/config";
import { atlasRdsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS } from "../features";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { atlasModule } from "../workload";

/** The seed's Database Configuration tables (phase 1; phase 2; phase 3+ staging/production; phase 4 DR copy). */
export const rds = atlasModule("data/rds", {
  schema: atlasRdsInputs,
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext) => {
    const dr = features(ctx).dr;
    return {
      vpc,
      kms: KMS,
      ...(dr ? { drKms: { module: kms, region: dr.region as RegionName } } : {}),
    };
  },
  waivers: (ctx: AtlasContext) => [
    ...(features(ctx).compute === "ecs"
      ? [
          {
            rule: "INF-LAMBDA-002",
            address: "aws_lambda_function.app-logins_function_*",
            reason:
              "ADR 0145: the login function is invoked synchronously, by Terraform on apply and by Secrets Manager for each rotation step; a failure fails the apply or the rotation (a RotationFailed event, retried by Secrets Manager), so there is no asynchronous event to dead-letter",
          },
        ]
      : []),
    // Staging (phase 3+) follows the env's settings.deletionProtection = false, as the platform's database does there.
    ...(ctx.settings.deletionProtection
      ? []
      : [
          {
            rule: "INF-RDS-004",
            address: "aws_db_instance.*",
            reason: "Seed 004 data protection table: no deletion protection in dev and staging (settings.deletionProtection).",
          },
        ]),
    {
      rule: "INF-RDS-005",
      address: "aws_db_instance.*",
      reason:
        "Seed 001 Database Configuration: single-AZ in phases 1-2 and in staging; the phase 3+ production read replica is single-AZ (its source is Multi-AZ).",
    },
    {
      rule: "INF-RDS-010",
      address: "aws_db_instance.*",
      reason:
        "Seed 001: Performance Insights disabled in phases 1-2 (db.t4g.micro cannot run it), enabled from phase 3; enhanced monitoring is asked for in no phase.",
    },
  ],
  defaults: (ctx: AtlasContext) => {
    const { rds: r, dr, compute } = features(ctx);
    return {
      name: `acct-atlas-${ctx.env.name}`,
      // The major only: RDS upgrades minors (docs/adr/0005-engine-versions-and-windows.md).
      engineVersion: "16",
      instanceClass: r.instanceClass,
      allocatedStorageGb: r.allocatedStorageGb,
      multiAz: r.multiAz,
      readReplicas: r.readReplicas,
      backupRetentionDays: r.backupRetentionDays,
      performanceInsights: r.performanceInsights,
      deletionProtection: ctx.settings.deletionProtection,
      // The services connect with sslmode=require in every env.
      forceSsl: true,
      logRetentionDays: ctx.settings.logRetentionDays,
      dbName: "atlas",
      backupReplication: r.backupReplication,
      // RDS refuses read replicas of a managed password: from the phase with replicas (3), the seed's
      // "Database password" is a secret the stack generates and AWS's rotation function rotates
      // (30 days; docs/adr/0011-database-credentials.md). The switch is one in-place ModifyDBInstance.
      // Phase 4 (ADR 0106): the secret is replicated to the DR region; the database restored there at
      // activation logs in with it (the runbook's script makes the replica standalone and sets its host).
      masterCredentials:
        r.readReplicas > 0
          ? { mode: "rotated-secret" as const, rotationDays: 30, ...(dr ? { replicaRegions: [dr.region as RegionName] } : {}) }
          : { mode: "rds-managed" as const },
      // ADR 0145: from the phase the services run on ECS (private subnets with a NAT for the function),
      // they log in as atlas_app / atlas_app_clone, rotated every 30 days like the master secret;
      // a rotation no longer breaks a running task's new connections.
      ...(compute === "ecs"
        ? { appLogins: { username: "atlas_app", owner: "atlas_owner", secretName: `accountabilityatlas/${ctx.env.name}/database-app`, rotationDays: 30 } }
        : {}),
    };
  },
});
