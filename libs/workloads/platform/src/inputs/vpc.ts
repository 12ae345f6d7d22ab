import { logRetentionDays, natMode } from "@infra/config";
import { subnetLayoutIssues } from "@infra/workload-shared-inputs";
import { z } from "zod";

const offsets = z.array(z.number().int().min(0)).max(6);

/** Inputs of a network/vpc deployment. */
export const vpcInputs = z
  .object({
    /** Name prefix of the VPC's resources. */
    name: z.string().min(1),
    cidr: z.string(),
    azs: z.array(z.string()).min(1),
    subnetNewBits: z.number().int().min(1).max(12),
    subnetOffsets: z.object({ public: offsets, private: offsets, database: offsets }).strict(),
    nat: natMode,
    flowLogs: z.object({ enabled: z.boolean(), retentionDays: logRetentionDays }).strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const issue of subnetLayoutIssues(v)) ctx.addIssue({ code: "custom", ...issue });
  });
export type VpcInputs = z.infer<typeof vpcInputs>;
