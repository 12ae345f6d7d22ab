import { duplicateOffsets, logRetentionDays, natMode, parseCidr, subnetOffsetError, subnetSizeError } from "@infra/config";
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
    for (const tier of ["public", "private", "database"] as const) {
      const list = v.subnetOffsets[tier];
      if (list.length > v.azs.length) {
        ctx.addIssue({
          code: "custom",
          path: ["subnetOffsets", tier],
          message: `${list.length} ${tier} subnets need ${list.length} availability zones; only ${v.azs.length} given (${v.azs.join(", ")})`,
        });
      }
      // An offset that fits the VPC's split gives a subnet inside it: the one check is the config layer's (as Aerologue's).
      list.forEach((offset, i) => {
        const error = subnetOffsetError(v.cidr, v.subnetNewBits, offset);
        if (error) ctx.addIssue({ code: "custom", path: ["subnetOffsets", tier, i], message: error });
      });
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
