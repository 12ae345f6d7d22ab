import type { S3BucketLifecycleConfigurationRule } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";

export type TransitionStorageClass = "STANDARD_IA" | "ONEZONE_IA" | "INTELLIGENT_TIERING" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE";

export interface LifecycleTransition {
  readonly storageClass: TransitionStorageClass;
  /** Days after creation. STANDARD_IA and ONEZONE_IA need >= 30. */
  readonly days: number;
}

/**
 * One lifecycle rule as data. Seed 000: user content `{ id: "ia", transitions: [{ storageClass:
 * "STANDARD_IA", days: 90 }] }`, archive `{ id: "glacier", transitions: [{ storageClass: "GLACIER",
 * days: 30 }] }`, logs `{ id: "expire", expirationDays: 90 }`.
 */
export interface LifecycleRule {
  /** Unique within the bucket. */
  readonly id: string;
  /** Only objects under this key prefix. @default the whole bucket */
  readonly prefix?: string;
  /** Storage class transitions of current versions. @default none */
  readonly transitions?: readonly LifecycleTransition[];
  /** Expire current versions this many days after creation. @default never */
  readonly expirationDays?: number;
  /** Move noncurrent versions to a cheaper class. @default none */
  readonly noncurrentTransitions?: readonly LifecycleTransition[];
}

export interface LifecycleSettings {
  readonly rules: readonly LifecycleRule[];
  /** Noncurrent versions are deleted this many days after they become noncurrent. */
  readonly noncurrentVersionExpirationDays: number;
  /** Incomplete multipart uploads are aborted after this many days. */
  readonly abortIncompleteMultipartUploadDays: number;
}

const MIN_DAYS: Partial<Record<TransitionStorageClass, number>> = { STANDARD_IA: 30, ONEZONE_IA: 30 };

const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;

/** Every problem with a set of lifecycle rules, as readable messages (empty when valid). */
export function validateLifecycle(settings: LifecycleSettings): string[] {
  const errors: string[] = [];
  if (!positiveInt(settings.noncurrentVersionExpirationDays)) {
    errors.push(`noncurrentVersionExpirationDays ${settings.noncurrentVersionExpirationDays} must be a whole number of days >= 1`);
  }
  const abort = settings.abortIncompleteMultipartUploadDays;
  if (!positiveInt(abort) || abort > 7) errors.push(`abortIncompleteMultipartUploadDays ${abort} must be a whole number from 1 to 7`);
  const ids = new Set<string>(["bucket-hygiene"]);
  for (const rule of settings.rules) {
    const at = `lifecycle rule "${rule.id}"`;
    if (!/^[\w.\- ]{1,255}$/.test(rule.id)) errors.push(`${at}: id must be 1-255 letters, digits, spaces, "_", "." or "-"`);
    if (ids.has(rule.id)) errors.push(`${at}: id is used twice (or clashes with the built-in "bucket-hygiene" rule)`);
    ids.add(rule.id);
    const transitions = rule.transitions ?? [];
    const noncurrent = rule.noncurrentTransitions ?? [];
    if (transitions.length === 0 && noncurrent.length === 0 && rule.expirationDays === undefined) {
      errors.push(`${at}: does nothing (give transitions, noncurrentTransitions or expirationDays)`);
    }
    for (const [kind, list] of [
      ["transition", transitions],
      ["noncurrent transition", noncurrent],
    ] as const) {
      let previous = 0;
      for (const t of list) {
        const min = MIN_DAYS[t.storageClass] ?? 0;
        if (!Number.isInteger(t.days) || t.days < Math.max(min, 0))
          errors.push(`${at}: ${kind} to ${t.storageClass} after ${t.days} days must be a whole number >= ${min}`);
        if (t.days <= previous && previous > 0)
          errors.push(`${at}: ${kind}s must be in increasing order of days (${t.storageClass} at ${t.days} after ${previous})`);
        previous = Math.max(previous, t.days);
      }
      const classes = list.map((t) => t.storageClass);
      const dupClass = classes.find((c, i) => classes.indexOf(c) !== i);
      if (dupClass) errors.push(`${at}: ${kind} to ${dupClass} is listed twice`);
    }
    if (rule.expirationDays !== undefined) {
      if (!positiveInt(rule.expirationDays)) errors.push(`${at}: expirationDays ${rule.expirationDays} must be a whole number >= 1`);
      const last = Math.max(0, ...transitions.map((t) => t.days));
      if (last > 0 && rule.expirationDays <= last)
        errors.push(`${at}: expirationDays ${rule.expirationDays} must come after the last transition (day ${last})`);
    }
  }
  return errors;
}

/**
 * The rules Terraform gets: a whole-bucket "bucket-hygiene" rule (abort incomplete uploads,
 * expire noncurrent versions, clean expired delete markers) first, then the caller's rules.
 */
export function lifecycleRules(settings: LifecycleSettings): S3BucketLifecycleConfigurationRule[] {
  const hygiene: S3BucketLifecycleConfigurationRule = {
    id: "bucket-hygiene",
    status: "Enabled",
    filter: [{}],
    abortIncompleteMultipartUpload: [{ daysAfterInitiation: settings.abortIncompleteMultipartUploadDays }],
    noncurrentVersionExpiration: [{ noncurrentDays: settings.noncurrentVersionExpirationDays }],
    expiration: [{ expiredObjectDeleteMarker: true }],
  };
  const custom = settings.rules.map((r): S3BucketLifecycleConfigurationRule => ({
    id: r.id,
    status: "Enabled",
    filter: [r.prefix === undefined ? {} : { prefix: r.prefix }],
    ...(r.transitions?.length ? { transition: r.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })) } : {}),
    ...(r.noncurrentTransitions?.length
      ? { noncurrentVersionTransition: r.noncurrentTransitions.map((t) => ({ noncurrentDays: t.days, storageClass: t.storageClass })) }
      : {}),
    ...(r.expirationDays !== undefined ? { expiration: [{ days: r.expirationDays }] } : {}),
  }));
  return [hygiene, ...custom];
}
