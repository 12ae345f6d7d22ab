import { z } from "zod";
import { namePrefix } from "./common";

/** Inputs of timeline-security/kms: one customer-managed key per purpose, per region. */
export const timelineKmsInputs = z
  .object({
    /** Alias prefix, e.g. "prod-us-east-1-timeline" → alias/prod-us-east-1-timeline-data. */
    name: namePrefix,
    /** Days a scheduled key deletion waits (AWS allows 7-30). */
    deletionWindowDays: z.number().int().min(7).max(30),
    /** lifecycle.prevent_destroy on the keys. */
    deletionProtection: z.boolean(),
  })
  .strict();
export type TimelineKmsInputs = z.infer<typeof timelineKmsInputs>;
