import { natMode } from "@infra/config";
import { subnetLayoutIssues } from "@infra/workload-shared-inputs";
import { z } from "zod";
import { logRetention, name } from "./common";

const offsets = z.array(z.number().int().min(0).max(255)).max(6);

/** milequest-network/vpc (seed 003 "VPC, Security Groups, Network ACLs, Private Subnets"). */
export const vpcInputs = z
  .object({
    name,
    cidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/16$/, { message: "must be a /16 CIDR like 10.61.0.0/16 (set it in region.ts cidrs.milequest)" }),
    azs: z.array(z.string()).min(2, { message: "Aurora and ElastiCache Serverless need subnets in at least 2 AZs" }),
    subnetOffsets: z.object({ public: offsets, private: offsets, database: offsets }).strict(),
    nat: natMode,
    flowLogs: z.object({ enabled: z.boolean(), retentionDays: logRetention }).strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // The layout checks every workload VPC gets (Mile Quest's inputs leave the split at the default: /16 into /24s).
    for (const issue of subnetLayoutIssues(v)) ctx.addIssue({ code: "custom", ...issue });
    if (v.subnetOffsets.private.length < 2)
      ctx.addIssue({ code: "custom", path: ["subnetOffsets", "private"], message: "Lambda and the cache need private subnets in at least 2 AZs" });
    if (v.subnetOffsets.database.length < 2)
      ctx.addIssue({ code: "custom", path: ["subnetOffsets", "database"], message: "Aurora needs database subnets in at least 2 AZs" });
  });
export type VpcInputs = z.infer<typeof vpcInputs>;
