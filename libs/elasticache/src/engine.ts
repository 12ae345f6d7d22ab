export type CacheEngine = "redis" | "valkey";

/** Engine version when none is given. Redis OSS 7.1 is its last release on ElastiCache. */
export const DEFAULT_ENGINE_VERSION: Readonly<Record<CacheEngine, string>> = { redis: "7.1", valkey: "8.0" };

/** Parameter group family of an engine version, e.g. redis 7.1 → "redis7", valkey 8.0 → "valkey8". */
export function parameterGroupFamily(engine: CacheEngine, version: string): string {
  const major = version.split(".")[0];
  return `${engine}${major}`;
}

/** Engine versions IAM authentication needs: Redis OSS 7+ or Valkey 7.2+. */
export function supportsIamAuth(engine: CacheEngine, version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return engine === "redis" ? major >= 7 : major > 7 || (major === 7 && minor >= 2);
}
