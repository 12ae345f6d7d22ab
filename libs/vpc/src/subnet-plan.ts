import { cidrsubnet } from "@infra/config";

export type SubnetTier = "public" | "private" | "database";

/** cidrsubnet() offsets per tier; subnet i of a tier goes to availability zone i. */
export interface SubnetOffsets {
  readonly public: readonly number[];
  readonly private: readonly number[];
  readonly database: readonly number[];
}

/** terraform-aws-modules/vpc's conventional layout: +1..3 public, +11..13 private, +21..23 database. */
export const DEFAULT_SUBNET_OFFSETS: SubnetOffsets = { public: [1, 2, 3], private: [11, 12, 13], database: [21, 22, 23] };

export interface PlannedSubnet {
  readonly tier: SubnetTier;
  readonly index: number;
  readonly az: string;
  readonly cidr: string;
}

/** The subnets of a VPC: pure arithmetic, the same as `cidrsubnet(cidr, newbits, offset)` in HCL. */
export function planSubnets(cidr: string, azs: readonly string[], offsets: SubnetOffsets, newBits: number): PlannedSubnet[] {
  const out: PlannedSubnet[] = [];
  for (const tier of ["public", "private", "database"] as const) {
    offsets[tier].forEach((offset, index) => {
      const az = azs[index];
      if (az === undefined) {
        throw new RangeError(`${tier} subnet ${index} (offset ${offset}) has no availability zone: only ${azs.length} AZs given`);
      }
      out.push({ tier, index, az, cidr: cidrsubnet(cidr, newBits, offset) });
    });
  }
  return out;
}
