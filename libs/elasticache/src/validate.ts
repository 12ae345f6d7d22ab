/** Checks both cache kinds (replication groups and serverless caches) share. */

/** Replication group ids and serverless cache names: a letter, then lowercase letters, digits and single hyphens, at most 40. */
export function cacheIdError(field: string, id: string): string | undefined {
  return !/^[a-z][a-z0-9-]{0,39}$/.test(id) || id.endsWith("-") || id.includes("--")
    ? `${field} "${id}" must start with a letter and use lowercase letters, digits and single hyphens (max 40)`
    : undefined;
}

/** Daily snapshots are kept 0 (off) to 35 days. */
export function snapshotRetentionError(days: number): string | undefined {
  return !Number.isInteger(days) || days < 0 || days > 35 ? `snapshotRetentionDays ${days} must be a whole number from 0 to 35` : undefined;
}
