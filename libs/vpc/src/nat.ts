import type { NatMode } from "@infra/config";

/** How many NAT gateways a mode needs: one, one per AZ that has a public subnet, or none. */
export function natGatewayCount(mode: NatMode, publicSubnetCount: number): number {
  switch (mode.mode) {
    case "none":
      return 0;
    case "single":
      return publicSubnetCount > 0 ? 1 : 0;
    case "perAz":
      return publicSubnetCount;
  }
}

/**
 * Private route tables: one per NAT gateway when NATs are per AZ (each private subnet routes through
 * the NAT in its own AZ), otherwise one shared table — as terraform-aws-modules/vpc does.
 */
export function privateRouteTableCount(mode: NatMode, privateSubnetCount: number): number {
  if (privateSubnetCount === 0) return 0;
  return mode.mode === "single" ? 1 : privateSubnetCount;
}
