import { describe, expect, it } from "vitest";
import { DEFAULT_SUBNET_OFFSETS, planSubnets } from "./subnet-plan";

describe("planSubnets", () => {
  it("places +1..3, +11..13, +21..23 across three AZs like cidrsubnet(cidr, 8, n)", () => {
    const plan = planSubnets("10.10.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"], DEFAULT_SUBNET_OFFSETS, 8);
    expect(plan.map((s) => `${s.tier}:${s.az}:${s.cidr}`)).toEqual([
      "public:us-east-1a:10.10.1.0/24",
      "public:us-east-1b:10.10.2.0/24",
      "public:us-east-1c:10.10.3.0/24",
      "private:us-east-1a:10.10.11.0/24",
      "private:us-east-1b:10.10.12.0/24",
      "private:us-east-1c:10.10.13.0/24",
      "database:us-east-1a:10.10.21.0/24",
      "database:us-east-1b:10.10.22.0/24",
      "database:us-east-1c:10.10.23.0/24",
    ]);
  });

  it("supports uneven tiers (one public subnet, two database subnets, no private)", () => {
    const plan = planSubnets("10.0.0.0/16", ["us-east-1a", "us-east-1b"], { public: [1], private: [], database: [20, 21] }, 8);
    expect(plan.map((s) => `${s.tier}:${s.az}:${s.cidr}`)).toEqual([
      "public:us-east-1a:10.0.1.0/24",
      "database:us-east-1a:10.0.20.0/24",
      "database:us-east-1b:10.0.21.0/24",
    ]);
  });

  it("refuses more subnets than AZs", () => {
    expect(() => planSubnets("10.0.0.0/16", ["us-east-1a"], { public: [1, 2], private: [], database: [] }, 8)).toThrow(
      "public subnet 1 (offset 2) has no availability zone: only 1 AZs given",
    );
  });
});
