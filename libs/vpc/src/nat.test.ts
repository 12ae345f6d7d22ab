import { describe, expect, it } from "vitest";
import { natGatewayCount, privateRouteTableCount } from "./nat";

describe("NAT mode → counts", () => {
  it.each([
    [{ mode: "none" } as const, 3, 0, 3],
    [{ mode: "single" } as const, 3, 1, 1],
    [{ mode: "perAz" } as const, 3, 3, 3],
    [{ mode: "perAz" } as const, 2, 2, 2],
    [{ mode: "single" } as const, 0, 0, 0],
  ])("%j with %i public subnets → %i NAT gateways, %i private route tables", (mode, subnets, nats, tables) => {
    expect(natGatewayCount(mode, subnets)).toBe(nats);
    expect(privateRouteTableCount(mode, subnets)).toBe(tables);
  });
});
