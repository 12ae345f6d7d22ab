import { describe, expect, it } from "vitest";
import { type SubnetLayout, subnetCountIssues, subnetOffsetIssues } from "./subnet-layout";

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
});
