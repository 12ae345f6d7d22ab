import { type LifecycleRule, validateLifecycle } from "@infra/s3/lifecycle";
import { z } from "zod";
import { namePrefix } from "./common";

const storageClass = z.enum(["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"]);
const transition = z.object({ storageClass, days: z.number().int().min(0) }).strict();

/** One bucket's lifecycle (seed 002: "Lifecycle policies for archival"). */
export const bucketLifecycle = z
  .object({
    /** Current versions move to cheaper classes. */
    transitions: z.array(transition),
    /** Current versions expire (days after creation); omitted: never. */
    expirationDays: z.number().int().positive().optional(),
    /** Noncurrent versions move to cheaper classes. */
    noncurrentTransitions: z.array(transition),
    /** Noncurrent versions are deleted this many days after they become noncurrent. */
    noncurrentExpirationDays: z.number().int().positive(),
  })
  .strict();
export type BucketLifecycle = z.infer<typeof bucketLifecycle>;

/** The @infra/s3 lifecycle rule of a bucket's settings: one "archive" rule when it does anything. */
export function archiveRules(l: BucketLifecycle): LifecycleRule[] {
  if (l.transitions.length === 0 && l.noncurrentTransitions.length === 0 && l.expirationDays === undefined) return [];
  return [
    {
      id: "archive",
      transitions: l.transitions,
      noncurrentTransitions: l.noncurrentTransitions,
      ...(l.expirationDays !== undefined ? { expirationDays: l.expirationDays } : {}),
    },
  ];
}

const checked = bucketLifecycle.superRefine((l, ctx) => {
  for (const message of validateLifecycle({
    rules: archiveRules(l),
    noncurrentVersionExpirationDays: l.noncurrentExpirationDays,
    abortIncompleteMultipartUploadDays: 7,
  })) {
    ctx.addIssue({ code: "custom", message });
  }
  const lastNoncurrent = Math.max(0, ...l.noncurrentTransitions.map((t) => t.days));
  if (lastNoncurrent > 0 && l.noncurrentExpirationDays <= lastNoncurrent) {
    ctx.addIssue({ code: "custom", path: ["noncurrentExpirationDays"], message: `must come after the last noncurrent transition (day ${lastNoncurrent})` });
  }
});

/**
 * Inputs of timeline-storage/s3: the private backup bucket, the access-log bucket, and in a DR
 * region the replicas of the primary region's asset and backup buckets. (The public-website-assets
 * bucket lives with its CloudFront distribution in timeline-edge/cdn.)
 */
export const timelineStorageInputs = z
  .object({
    name: namePrefix,
    /** "primary": backups + logs; "replica": also the replica of the primary's assets bucket (DR). */
    mode: z.enum(["primary", "replica"]),
    /** Replicate backups (and assets, in the cdn stack) to the DR region's buckets (needs a "replica" dependency). */
    replicateToDr: z.boolean(),
    backups: checked,
    /** Lifecycle of the assets replica bucket (replica mode). */
    assets: checked,
    /** Days access logs are kept. */
    logExpirationDays: z.number().int().positive(),
    deletionProtection: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mode === "replica" && v.replicateToDr) {
      ctx.addIssue({ code: "custom", path: ["replicateToDr"], message: "a DR region's replica buckets do not replicate further; set replicateToDr: false" });
    }
  });
export type TimelineStorageInputs = z.infer<typeof timelineStorageInputs>;
