import { subnetOffsetError } from "@infra/config";

/** The subnet tiers of every workload VPC, in the order their issues are reported. */
export const SUBNET_TIERS = ["public", "private", "database"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** The layout fields of a workload's VPC inputs (each workload keeps its own schema). */
export interface SubnetLayout {
  readonly cidr: string;
  readonly azs: readonly string[];
  readonly subnetNewBits: number;
  readonly subnetOffsets: Readonly<Record<SubnetTier, readonly number[]>>;
}

/** A zod custom issue without its code: where in the inputs, and what is wrong. */
export interface LayoutIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** A tier with more subnets than the VPC has availability zones (one subnet per zone). */
export function subnetCountIssues(v: SubnetLayout, tier: SubnetTier): LayoutIssue[] {
  const list = v.subnetOffsets[tier];
  if (list.length <= v.azs.length) return [];
  return [
    {
      path: ["subnetOffsets", tier],
      message: `${list.length} ${tier} subnets need ${list.length} availability zones; only ${v.azs.length} given (${v.azs.join(", ")})`,
    },
  ];
}

/** Offsets of a tier that do not fit the VPC's split (the config layer's `subnetOffsetError`); one that fits gives a subnet inside the VPC. */
export function subnetOffsetIssues(v: SubnetLayout, tier: SubnetTier): LayoutIssue[] {
  return v.subnetOffsets[tier].flatMap((offset, i) => {
    const message = subnetOffsetError(v.cidr, v.subnetNewBits, offset);
    return message ? [{ path: ["subnetOffsets", tier, i], message }] : [];
  });
}
