import { z } from "zod";

/** Inputs of security/kms: the customer-managed keys every other platform stack encrypts with. */
export const kmsInputs = z
  .object({
    /** Alias prefix, e.g. "prod-us-east-1-platform" → alias/prod-us-east-1-platform-logs. */
    name: z.string().min(1),
    /** Days a scheduled key deletion waits (AWS allows 7-30). */
    deletionWindowDays: z.number().int().min(7).max(30),
    /** Stops `terraform destroy` of the keys (lifecycle.prevent_destroy). */
    deletionProtection: z.boolean(),
  })
  .strict();
export type KmsInputs = z.infer<typeof kmsInputs>;
