/** The RDS engines this library builds (Aurora lives in @infra/aurora). */
export type DbEngine = "postgres" | "mysql";

export type StorageType = "gp3" | "gp2" | "io1" | "io2";

const SIZES_BURSTABLE = ["micro", "small", "medium", "large", "xlarge", "2xlarge"];
const SIZES_16 = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
const SIZES_24 = [...SIZES_16, "24xlarge"];
const SIZES_32 = [...SIZES_24, "32xlarge"];
const SIZES_48 = [...SIZES_24, "48xlarge"];

/** Instance families and sizes RDS offers for PostgreSQL and MySQL (single-AZ and Multi-AZ instance deployments). */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  t3: SIZES_BURSTABLE,
  t4g: SIZES_BURSTABLE,
  m5: SIZES_24,
  m5d: SIZES_24,
  m6g: SIZES_16,
  m6gd: SIZES_16,
  m6i: SIZES_32,
  m7g: SIZES_16,
  m7i: SIZES_48,
  r5: SIZES_24,
  r5b: SIZES_24,
  r6g: SIZES_16,
  r6gd: SIZES_16,
  r6i: SIZES_32,
  r7g: SIZES_16,
  r7i: SIZES_48,
};

const INSTANCE_CLASSES: Readonly<Record<DbEngine, Readonly<Record<string, readonly string[]>>>> = {
  postgres: FAMILIES,
  mysql: FAMILIES,
};

/** An error message when `instanceClass` is not an RDS class known for `engine`, else undefined. */
export function validateInstanceClass(engine: DbEngine, instanceClass: string): string | undefined {
  const families = INSTANCE_CLASSES[engine];
  const match = /^db\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass);
  if (!match) return `instance class "${instanceClass}" must look like "db.<family>.<size>", e.g. "db.t3.micro"`;
  const [, family, size] = match as unknown as [string, string, string];
  const sizes = families[family];
  if (!sizes) {
    return `instance class "${instanceClass}": family db.${family} is not known for ${engine}; known families: ${Object.keys(families)
      .map((f) => `db.${f}`)
      .join(", ")}`;
  }
  if (!sizes.includes(size)) return `instance class "${instanceClass}": db.${family} sizes for ${engine} are ${sizes.join(", ")}`;
  return undefined;
}

/** Burstable classes too small for Performance Insights. */
const NO_PERFORMANCE_INSIGHTS = new Set(["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"]);

/** Whether RDS offers Performance Insights on this instance class. */
export function supportsPerformanceInsights(instanceClass: string): boolean {
  return !NO_PERFORMANCE_INSIGHTS.has(instanceClass);
}

/** Whether the class runs on Graviton (arm64): the "g" families. */
export function isGravitonClass(instanceClass: string): boolean {
  return /^db\.[a-z]+\d+g[a-z]*\./.test(instanceClass);
}

const MIN_STORAGE_GB: Readonly<Record<DbEngine, Readonly<Record<StorageType, number>>>> = {
  postgres: { gp3: 20, gp2: 20, io1: 100, io2: 100 },
  mysql: { gp3: 20, gp2: 20, io1: 100, io2: 100 },
};

/** The smallest allocated storage (GB) RDS accepts for the engine and storage type. */
export function minimumStorage(engine: DbEngine, storageType: StorageType): number {
  return MIN_STORAGE_GB[engine][storageType];
}

/** The largest allocated storage (GB) for PostgreSQL/MySQL instances. */
export const MAXIMUM_STORAGE_GB = 65536;

/**
 * Storage autoscaling's ceiling: 0 turns it off; otherwise RDS wants it above the allocated storage
 * and at most the engine maximum. One check for the construct and the workload schemas.
 */
export function maxAllocatedStorageError(allocatedGb: number, maxAllocatedGb: number): string | undefined {
  if (maxAllocatedGb === 0 || (maxAllocatedGb > allocatedGb && maxAllocatedGb <= MAXIMUM_STORAGE_GB)) return undefined;
  return `must be 0 (no autoscaling) or above allocatedStorage (${allocatedGb} GB) and at most ${MAXIMUM_STORAGE_GB}`;
}

export function enginePort(engine: DbEngine): number {
  return engine === "postgres" ? 5432 : 3306;
}

/**
 * Parameter group family from the engine version: postgres "16.4" -> "postgres16",
 * mysql "8.0.39" -> "mysql8.0", mysql "8.4.3" -> "mysql8.4".
 */
export function parameterGroupFamily(engine: DbEngine, engineVersion: string): string {
  const match = /^(\d+)(?:\.(\d+))?/.exec(engineVersion);
  if (!match) throw new Error(`engine version "${engineVersion}" must start with a version number such as "16.4" or "8.0.39"`);
  const [, major, minor] = match;
  if (engine === "postgres") return Number(major) >= 10 ? `postgres${major}` : `postgres${major}.${minor ?? "0"}`;
  if (minor === undefined) throw new Error(`mysql engine version "${engineVersion}" needs major.minor, e.g. "8.0.39"`);
  return `mysql${major}.${minor}`;
}

/**
 * Why `engineVersion` is not a major-version pin, or undefined. Instances here always run with
 * auto_minor_version_upgrade (policy: patched engines), so the config names the major version only:
 * postgres "16", mysql "8.0". RDS creates the default minor of that major, upgrades it in the
 * maintenance window, and the provider keeps "16" in state while engine_version_actual reports
 * "16.8". A minor in config ("16.4") turns every plan after an AWS upgrade into a downgrade, which
 * RDS refuses (docs/adr/0005-engine-versions-and-windows.md).
 */
export function engineVersionPinError(engine: DbEngine, engineVersion: string): string | undefined {
  const pattern = engine === "postgres" ? /^\d+$/ : /^\d+\.\d+$/;
  if (pattern.test(engineVersion)) return undefined;
  const example = engine === "postgres" ? '"16"' : '"8.0"';
  return `engine version "${engineVersion}" must be the major version only (${engine}: ${example}): minor versions are upgraded by AWS (auto_minor_version_upgrade), and a pinned minor makes every later plan propose a downgrade`;
}

/** The logs each engine can export to CloudWatch, and the default set. */
export const LOG_EXPORTS: Readonly<Record<DbEngine, readonly string[]>> = {
  postgres: ["postgresql", "upgrade", "iam-db-auth-error"],
  mysql: ["audit", "error", "general", "slowquery", "iam-db-auth-error"],
};
export const DEFAULT_LOG_EXPORTS: Readonly<Record<DbEngine, readonly string[]>> = {
  postgres: ["postgresql", "upgrade"],
  mysql: ["error", "general", "slowquery"],
};
