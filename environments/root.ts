import type { RootConfig } from "@infra/config";

/**
 * root.hcl: what every env and deployment shares. Guardrails live here: the state backend and its
 * key pattern, the Terraform version, global tags, and the secure baseline every env starts from.
 * An env relaxes a setting explicitly in its env.ts, with the reason beside it.
 */
export const root: RootConfig = {
  project: "acme-infra",
  state: {
    // One bucket and lock table per account, created by apps/bootstrap.
    bucket: "{project}-tfstate-{accountId}",
    lockTable: "{project}-tf-locks",
    region: "us-east-1",
    keyPattern: "{env}/{region}/{category}/{module}/terraform.tfstate",
    encrypt: true,
    // Terraform >= 1.10 can lock with a lock file next to the state; see docs/upgrade-cdktn.md.
    useLockfile: false,
    dynamodbLocking: true,
  },
  // >= 1.11: write-only arguments (password_wo) and ephemeral resources keep generated passwords out of plan and state.
  terraformVersion: ">= 1.11.0",
  // The preflight rule family (docs/preflight.md): an unwaived finding fails synth (every env and
  // configuration has none; apps/ops/src/preflight.test.ts keeps it so).
  preflight: { mode: "enforce" },
  // No CreatedDate/LastModifiedDate: seed 004's timestamp() tags would show a diff on every plan.
  tags: {
    ManagedBy: "cdktf",
    Repository: "aws-infra-monorepo",
  },
  settings: {
    tier: "large",
    deletionProtection: true,
    httpsOnly: true,
    nat: { mode: "perAz" },
    flowLogs: { enabled: true, retentionDays: 30 },
    logRetentionDays: 30,
    backupRetentionDays: 30,
    containerInsights: true,
    alarmEmails: [],
    // UTC. Backups before maintenance, never overlapping it (RDS and ElastiCache refuse that);
    // formatted for the provider by libs/config windows.ts.
    windows: {
      backup: { start: "03:00", durationMinutes: 60 },
      databaseMaintenance: { day: "sun", start: "04:30", durationMinutes: 60 },
      cacheMaintenance: { day: "sun", start: "05:00", durationMinutes: 60 },
      searchOffPeakStart: "03:00",
    },
  },
};
