import { describe, expect, it } from "vitest";
import { cidrContains, cidrsOverlap, cidrsubnet, parseCidr } from "./cidr";
import { adminCidr, ipv4Cidr } from "./schema";

describe("cidr", () => {
  it("computes cidrsubnet like Terraform", () => {
    expect(cidrsubnet("10.10.0.0/16", 8, 1)).toBe("10.10.1.0/24");
    expect(cidrsubnet("10.10.0.0/16", 8, 23)).toBe("10.10.23.0/24");
    expect(cidrsubnet("10.0.0.0/8", 8, 255)).toBe("10.255.0.0/16");
    expect(cidrsubnet("192.168.0.0/24", 4, 3)).toBe("192.168.0.48/28");
  });

  it("refuses a netnum that does not fit", () => {
    expect(() => cidrsubnet("10.0.0.0/16", 8, 256)).toThrow(/does not fit in 8 new bits/);
  });

  it("explains malformed blocks", () => {
    expect(parseCidr("10.0.0.0")).toMatch(/IPv4 CIDR/);
    expect(parseCidr("10.0.300.0/16")).toMatch(/octets/);
    expect(parseCidr("10.0.0.0/33")).toMatch(/prefix length/);
    expect(parseCidr("10.0.1.0/16")).toBe("host bits are set: the network address is 10.0.0.0/16");
  });

  it("tells containment and overlap apart", () => {
    expect(cidrContains("10.0.0.0/16", "10.0.20.0/24")).toBe(true);
    expect(cidrContains("10.0.0.0/16", "10.1.0.0/24")).toBe(false);
    expect(cidrsOverlap("10.30.0.0/16", "10.30.128.0/17")).toBe(true);
    expect(cidrsOverlap("10.40.0.0/16", "10.50.0.0/16")).toBe(false);
  });

  it("ipv4Cidr and adminCidr (zod): the parse error as the issue; an admin allow list never names the whole internet", () => {
    expect(ipv4Cidr.safeParse("0.0.0.0/0").success).toBe(true);
    expect(ipv4Cidr.safeParse("10.0.1.0/16").error?.issues[0]?.message).toBe("host bits are set: the network address is 10.0.0.0/16");
    expect(adminCidr.safeParse("203.0.113.10/32").success).toBe(true);
    expect(adminCidr.safeParse("10.0.300.0/16").error?.issues[0]?.message).toMatch(/octets/);
    expect(adminCidr.safeParse("0.0.0.0/0").error?.issues.map((i) => i.message)).toEqual([
      "must not be the whole internet: an admin allow list names the admin network's CIDR",
    ]);
  });
});
