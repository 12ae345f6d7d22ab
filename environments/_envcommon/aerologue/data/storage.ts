import { defineModule } from "@infra/config";
import { type AerologueConfig, storageInputs } from "@infra/aerologue-inputs";
import { regional } from "../names";
import { kms } from "../security/kms";

/** ARC-005 S3 (user content, data archive, logs; static assets live with the CDN) and ARC-013 versioning. */
export const storage = defineModule<typeof storageInputs, AerologueConfig>({
  workload: "aerologue",
  category: "aerologue-data",
  module: "storage",
  builder: "aerologue/storage",
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
