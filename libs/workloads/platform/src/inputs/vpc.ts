import { duplicateOffsets, logRetentionDays, natMode, parseCidr, subnetSizeError } from "@infra/config";
import { SUBNET_TIERS, subnetCountIssues, subnetOffsetIssues } from "@infra/workload-shared-inputs";
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
    const parsed = parseCidr(v.cidr);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", path: ["cidr"], message: parsed });
      return;
    }
    const sizeError = subnetSizeError(v.cidr, v.subnetNewBits);
    if (sizeError) {
      ctx.addIssue({ code: "custom", path: ["cidr"], message: sizeError });
      return;
    }
    for (const tier of SUBNET_TIERS) {
      for (const issue of [...subnetCountIssues(v, tier), ...subnetOffsetIssues(v, tier)]) ctx.addIssue({ code: "custom", ...issue });
    }
    for (const dup of duplicateOffsets(v.subnetOffsets)) {
      ctx.addIssue({
        code: "custom",
        path: ["subnetOffsets", dup.tier, dup.index],
        message: `offset ${dup.offset} is already used by another subnet: two subnets would overlap`,
      });
    }
    if (v.nat.mode !== "none" && v.subnetOffsets.public.length === 0) {
      ctx.addIssue({ code: "custom", path: ["nat", "mode"], message: `NAT mode "${v.nat.mode}" needs public subnets to place NAT gateways in` });
    }
    if (v.nat.mode === "perAz" && v.subnetOffsets.public.length < v.subnetOffsets.private.length) {
      ctx.addIssue({
        code: "custom",
        path: ["nat", "mode"],
        message: `NAT mode "perAz" needs a public subnet in every AZ that has a private subnet (${v.subnetOffsets.private.length}); got ${v.subnetOffsets.public.length}`,
      });
    }
  });
export type VpcInputs = z.infer<typeof vpcInputs>;
