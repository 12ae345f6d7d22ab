import { describe, expect, it } from "vitest";
import { tierAclEntries } from "./network-acls";

const cidrs = { public: ["10.60.1.0/24", "10.60.2.0/24"], private: ["10.60.11.0/24", "10.60.12.0/24"], database: ["10.60.21.0/24", "10.60.22.0/24"] };
const line = (e: { egress: boolean; ruleNumber: number; fromPort: number; toPort: number; cidr: string }) =>
  `${e.egress ? "out" : "in"} ${e.ruleNumber} ${e.fromPort}-${e.toPort} ${e.cidr}`;

describe("tierAclEntries", () => {
  const entries = tierAclEntries(cidrs, { app: 8080, database: 5432, cache: 6379 });

  it("public tier: 443/80 and return traffic in, HTTPS and responses out, the app port to private subnets", () => {
    expect(entries.public.map(line)).toEqual([
      "in 100 443-443 0.0.0.0/0",
      "in 110 80-80 0.0.0.0/0",
      "in 120 1024-65535 0.0.0.0/0",
      "out 100 443-443 0.0.0.0/0",
      "out 120 1024-65535 0.0.0.0/0",
      "out 200 8080-8080 10.60.11.0/24",
      "out 201 8080-8080 10.60.12.0/24",
    ]);
  });

  it("private tier: the app port from public subnets only; data ports only towards database subnets", () => {
    expect(entries.private.map(line)).toEqual([
      "in 100 8080-8080 10.60.1.0/24",
      "in 101 8080-8080 10.60.2.0/24",
      "in 200 1024-65535 0.0.0.0/0",
      "out 100 443-443 0.0.0.0/0",
      "out 200 5432-5432 10.60.21.0/24",
      "out 201 5432-5432 10.60.22.0/24",
      "out 300 6379-6379 10.60.21.0/24",
      "out 301 6379-6379 10.60.22.0/24",
      "out 400 1024-65535 10.60.1.0/24",
      "out 401 1024-65535 10.60.2.0/24",
    ]);
  });

  it("database tier: nothing from or to the internet", () => {
    expect(entries.database.every((e) => e.cidr !== "0.0.0.0/0")).toBe(true);
    expect(entries.database.every((e) => e.protocol === "tcp")).toBe(true);
  });
});
