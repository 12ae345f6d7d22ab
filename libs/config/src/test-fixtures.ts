import { z } from "zod";
import { type ModuleDefinition, defineModule } from "./define";
import { ConfigError } from "./errors";
import type { RegionName } from "./regions";
import type { ResolvedDeployment, ResolvedEnv } from "./resolve";
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

const NO_INPUTS = z.object({}).strict();
type ModuleDef = Parameters<typeof defineModule<typeof NO_INPUTS>>[0];

/**
 * A module of workload "app" without inputs, for the config layer's own tests: built by
 * "app/<module>"; `def` adds what the test is about (dependencies, checks, foundation, ...).
 */
export function testModule(
  def: Pick<ModuleDef, "category" | "module" | "source"> & Partial<Omit<ModuleDef, "workload" | "builder" | "schema">>,
): ModuleDefinition {
  return defineModule({ workload: "app", builder: `app/${def.module}`, schema: NO_INPUTS, defaults: () => ({}), ...def });
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

/** What `testDeployment` derives a deployment's names from; every other field of ResolvedDeployment may be overridden. */
export interface TestDeploymentOptions extends Partial<Omit<ResolvedDeployment, "region" | "module" | "category">> {
  /** The module, e.g. "store". */
  readonly module: string;
  /** @default "demo" */
  readonly category?: string;
  /** @default "us-east-1" */
  readonly region?: RegionName;
  /** The env's account: the provider's allowed account and the state bucket's suffix. @default "111111111111" */
  readonly accountId?: string;
}

/**
 * A resolved deployment of workload "demo" in dev, for tests of the layers above config (stacks,
 * composition, prerequisites) that need one without resolving an env. Names follow the real scheme:
 * id `<region>/<category>/<module>`, stack `dev-<region>-<category>-<module>`, state key likewise.
 */
export function testDeployment(options: TestDeploymentOptions): ResolvedDeployment {
  const { module, category = "demo", region = "us-east-1", accountId = "111111111111", ...overrides } = options;
  return {
    id: `${region}/${category}/${module}`,
    env: "dev",
    region: { name: region, role: "primary", azs: [`${region}a`], cidrs: {} },
    workload: "demo",
    category,
    module,
    builder: `demo/${module}`,
    stackName: `dev-${region}-${category}-${module}`,
    declaredIn: `environments/dev/${region}/demo.ts`,
    backend: {
      bucket: `acme-tfstate-${accountId}`,
      key: `dev/${region}/${category}/${module}/terraform.tfstate`,
      region: "us-east-1",
      encrypt: true,
      useLockfile: false,
    },
    provider: { region, allowedAccountIds: [accountId], defaultTags: {} },
    inputs: {},
    dependencies: {},
    waivers: [],
    settings: {} as ResolvedDeployment["settings"],
    ...overrides,
  };
}

/** A resolved dev env of project "demo" around `deployments` (one primary region, us-east-1), with overrides. */
export function testEnv(deployments: readonly ResolvedDeployment[], overrides: Partial<ResolvedEnv> = {}): ResolvedEnv {
  return {
    project: "demo",
    name: "dev",
    accountId: "111111111111",
    costAllocation: "eng",
    terraformVersion: ">= 1.10.0",
    state: { bucket: "acme-tfstate-111111111111", lockTable: "acme-locks", region: "us-east-1", useLockfile: false, dynamodbLocking: true },
    regions: [{ name: "us-east-1", role: "primary", azs: ["us-east-1a"], cidrs: {} }],
    deployments,
    waivers: [],
    workloads: {},
    tags: {},
    ...overrides,
  };
}
