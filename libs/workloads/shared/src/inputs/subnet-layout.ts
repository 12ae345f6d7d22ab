import { DEFAULT_SUBNET_NEW_BITS, type NatMode, duplicateOffsets, parseCidr, subnetOffsetError, subnetSizeError } from "@infra/config";

/** The subnet tiers of every workload VPC, in the order their issues are reported. */
export const SUBNET_TIERS = ["public", "private", "database"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** The layout fields of a workload's VPC inputs (each workload keeps its own schema). */
export interface SubnetLayout {
  readonly cidr: string;
  readonly azs: readonly string[];
  /** @default DEFAULT_SUBNET_NEW_BITS, as the Vpc construct */
  readonly subnetNewBits?: number;
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
    const message = subnetOffsetError(v.cidr, v.subnetNewBits ?? DEFAULT_SUBNET_NEW_BITS, offset);
    return message ? [{ path: ["subnetOffsets", tier, i], message }] : [];
  });
}

/** NAT gateways live in public subnets: any NAT needs one, one per AZ needs one in every AZ with a private subnet. */
export function natPlacementIssues(v: SubnetLayout, nat: NatMode): LayoutIssue[] {
  const { public: publicOffsets, private: privateOffsets } = v.subnetOffsets;
  if (nat.mode !== "none" && publicOffsets.length === 0) {
    return [{ path: ["nat", "mode"], message: `NAT mode "${nat.mode}" needs public subnets to place NAT gateways in` }];
  }
  if (nat.mode === "perAz" && publicOffsets.length < privateOffsets.length) {
    return [
      {
        path: ["nat", "mode"],
        message: `NAT mode "perAz" needs a public subnet in every AZ that has a private subnet (${privateOffsets.length}); got ${publicOffsets.length}`,
      },
    ];
  }
  return [];
}

/**
 * Every check of a workload VPC's layout, one path for all workloads: the CIDR parses, its split leaves subnets of
 * /28 or larger (else nothing after it is meaningful), each tier fits the zones and the VPC, no two subnets share an
 * offset, and NAT has public subnets to live in. A workload's schema adds only its own rules (seed minimums, ports).
 */
export function subnetLayoutIssues(v: SubnetLayout & { readonly nat?: NatMode }): LayoutIssue[] {
  const parsed = parseCidr(v.cidr);
  if (typeof parsed === "string") return [{ path: ["cidr"], message: parsed }];
  const sizeError = subnetSizeError(v.cidr, v.subnetNewBits ?? DEFAULT_SUBNET_NEW_BITS);
  if (sizeError) return [{ path: ["cidr"], message: sizeError }];
  return [
    ...SUBNET_TIERS.flatMap((tier) => [...subnetCountIssues(v, tier), ...subnetOffsetIssues(v, tier)]),
    ...duplicateOffsets(v.subnetOffsets).map((dup) => ({
      path: ["subnetOffsets", dup.tier, dup.index],
      message: `offset ${dup.offset} is already used by another subnet: two subnets would overlap`,
    })),
    ...(v.nat ? natPlacementIssues(v, v.nat) : []),
  ];
}
