import { defineModule } from "@infra/config";
import { QUEUES, atlasQueuesInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inPrimary, KMS, prefix } from "../features";

/** SQS: a queue (+ DLQ) per consuming service. */
export const queues = defineModule({
  workload: "atlas",
  category: "atlas-data",
  module: "queues",
  builder: "atlas/queues",
  schema: atlasQueuesInputs,
  enabled: inPrimary,
  dependencies: { kms: KMS },
  defaults: (ctx: AtlasContext) => ({
    prefix: prefix(ctx),
    queues: QUEUES.map((q) => ({
      consumer: q.consumer,
      producers: [...q.producers],
      purpose: q.purpose,
    })),
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 60,
  }),
});
