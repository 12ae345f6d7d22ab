import { z } from "zod";
import { namePrefix } from "./common";

/**
 * Inputs of timeline-ops/governance: seed 002's "AWS Config for compliance monitoring" and "Cost
 * monitoring and budgets".
 */
export const timelineGovernanceInputs = z
  .object({
    name: namePrefix,
    /** Record IAM and other global resources: in the primary region only. */
    includeGlobalResourceTypes: z.boolean(),
    /** Managed rules beyond the baseline of @infra/governance, by identifier. */
    extraConfigRules: z.array(z.string().regex(/^[A-Z0-9_]+$/, { message: "must be an AWS Config managed rule identifier (UPPER_SNAKE_CASE)" })),
    /** Days configuration history is kept. */
    configHistoryDays: z.number().int().min(31),
    /** The workload's monthly cost budget (primary region only: budgets are global). */
    budget: z.discriminatedUnion("enabled", [
      z.object({ enabled: z.literal(false) }).strict(),
      z.object({ enabled: z.literal(true), monthlyLimitUsd: z.number().positive(), emails: z.array(z.email()).min(1).max(10) }).strict(),
    ]),
    deletionProtection: z.boolean(),
  })
  .strict();
export type TimelineGovernanceInputs = z.infer<typeof timelineGovernanceInputs>;
