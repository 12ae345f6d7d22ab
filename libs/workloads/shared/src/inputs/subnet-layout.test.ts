import { describe, expect, it } from "vitest";
import { type SubnetLayout, subnetCountIssues, subnetLayoutIssues, subnetOffsetIssues } from "./subnet-layout";

const layout: SubnetLayout = {
  cidr: "10.10.0.0/16",
  azs: ["us-east-1a", "us-east-1b"],
  subnetNewBits: 8,
  subnetOffsets: { public: [1, 2], private: [11, 12, 13], database: [21, 256] },
};

describe("subnet layout issues", () => {
  it("a tier with more subnets than zones, naming the count and the zones", () => {
    expect(subnetCountIssues(layout, "public")).toEqual([]);
    expect(subnetCountIssues(layout, "private")).toEqual([
      { path: ["subnetOffsets", "private"], message: "3 private subnets need 3 availability zones; only 2 given (us-east-1a, us-east-1b)" },
    ]);
  });

  it("an offset past the VPC's split, at its index", () => {
    expect(subnetOffsetIssues(layout, "private")).toEqual([]);
    expect(subnetOffsetIssues(layout, "database")).toEqual([
      {
        path: ["subnetOffsets", "database", 1],
        message: "offset past the VPC: 10.10.0.0/16 split by 8 bits has subnets 0..255 (and subnets may be no smaller than /28)",
      },
    ]);
  });

  it("the whole layout: a CIDR that does not parse or splits below /28 stops there; otherwise every issue, in tier order", () => {
    expect(subnetLayoutIssues({ ...layout, cidr: "10.10.0/16" })).toEqual([{ path: ["cidr"], message: "must be an IPv4 CIDR block like 10.0.0.0/16" }]);
    expect(subnetLayoutIssues({ ...layout, cidr: "10.10.0.0/24" })).toEqual([
      { path: ["cidr"], message: expect.stringContaining("a /24 VPC split by 8 bits gives /32 subnets") },
    ]);
    expect(subnetLayoutIssues({ ...layout, subnetOffsets: { public: [1, 2], private: [2, 12, 13], database: [21, 256] } }).map((i) => i.path)).toEqual([
      ["subnetOffsets", "private"],
      ["subnetOffsets", "database", 1],
      ["subnetOffsets", "private", 0],
    ]);
  });

  it("NAT: none needs nothing; any NAT needs a public subnet; perAz one per AZ with a private subnet; no nat field, no NAT check", () => {
    const fits: SubnetLayout = { ...layout, subnetOffsets: { public: [1], private: [11, 12], database: [21, 22] } };
    expect(subnetLayoutIssues({ ...fits, nat: { mode: "none" } })).toEqual([]);
    expect(subnetLayoutIssues({ ...fits, nat: { mode: "single" } })).toEqual([]);
    expect(subnetLayoutIssues({ ...fits, nat: { mode: "perAz" } })).toEqual([
      { path: ["nat", "mode"], message: 'NAT mode "perAz" needs a public subnet in every AZ that has a private subnet (2); got 1' },
    ]);
    const noPublic = { ...fits, subnetOffsets: { ...fits.subnetOffsets, public: [] } };
    expect(subnetLayoutIssues({ ...noPublic, nat: { mode: "single" } })).toEqual([
      { path: ["nat", "mode"], message: 'NAT mode "single" needs public subnets to place NAT gateways in' },
    ]);
    expect(subnetLayoutIssues(noPublic)).toEqual([]);
  });
});
