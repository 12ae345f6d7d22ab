import { ConfigError } from "./errors";
import type { EnvSettings, RootConfig } from "./schema";

/** A root config for the config layer's own tests: the repo's secure baseline, with overrides. */
export function testRoot(overrides: { tags?: Record<string, string>; settings?: Partial<EnvSettings> } = {}): RootConfig {
  return {
    project: "demo",
    state: {
      bucket: "{project}-tfstate-{accountId}",
      lockTable: "{project}-locks",
      region: "us-east-1",
      keyPattern: "{env}/{region}/{category}/{module}/terraform.tfstate",
      encrypt: true,
      useLockfile: false,
      dynamodbLocking: true,
    },
    terraformVersion: ">= 1.10.0",
    tags: overrides.tags ?? {},
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
      windows: {
        backup: { start: "03:00", durationMinutes: 60 },
        databaseMaintenance: { day: "sun", start: "04:30", durationMinutes: 60 },
        cacheMaintenance: { day: "sun", start: "05:00", durationMinutes: 60 },
        searchOffPeakStart: "03:00",
      },
      ...overrides.settings,
    },
  };
}

/** The ConfigError `fn` throws (anything else is rethrown; no error fails the test). */
export function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}
