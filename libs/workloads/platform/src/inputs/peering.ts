import { z } from "zod";

/** Inputs of network/vpc-peering: the primary VPC peered with a DR region's VPC. */
export const peeringInputs = z
  .object({
    name: z.string().min(1),
    /** Which tiers of each VPC route to the other side. */
    tiers: z.array(z.enum(["public", "private", "database"])).min(1),
  })
  .strict();
export type PeeringInputs = z.infer<typeof peeringInputs>;
