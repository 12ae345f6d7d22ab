import { storageInputs } from "@infra/aerologue-inputs";
import { regional } from "../names";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

/** ARC-005 S3 (user content, data archive, logs; static assets live with the CDN) and ARC-013 versioning. */
export const storage = aerologueModule("data/storage", {
  schema: storageInputs,
  dependencies: { kms },
  defaults: (ctx) => ({
    prefix: regional(ctx),
    buckets: {
      "user-content": { transitions: [{ storageClass: "STANDARD_IA" as const, days: 90 }], logBucket: false, replicate: true },
      "data-archive": { transitions: [{ storageClass: "GLACIER" as const, days: 30 }], logBucket: false, replicate: true },
      logs: { transitions: [], expirationDays: 90, logBucket: true, replicate: false },
    },
    noncurrentVersionExpirationDays: 30,
    deletionProtection: ctx.settings.deletionProtection,
    replicaRegions: [...ctx.workload.globalRegions],
  }),
});
