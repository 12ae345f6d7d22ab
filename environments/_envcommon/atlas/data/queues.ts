import { QUEUES, atlasQueuesInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inDr, inPrimary, KMS, prefix } from "../features";
import { atlasModule } from "../workload";

/** SQS: a queue (+ DLQ) per consuming service; phase 4 prod: the same, empty, in the DR region for its services (ADR 0106). */
export const queues = atlasModule("data/queues", {
  schema: atlasQueuesInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) || inDr(ctx),
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
