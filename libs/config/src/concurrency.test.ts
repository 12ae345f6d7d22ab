import { describe, expect, it } from "vitest";
import type { RegionConfig } from "./define";
import { type ConcurrencyDemand, concurrencyBudget, sumReservedConcurrency } from "./concurrency";

const region = (patch: Partial<RegionConfig> = {}): RegionConfig => ({
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a"],
  cidrs: {},
  deployments: [],
  source: "prod/us-east-1/region.ts",
  ...patch,
});
const demand = (workload: string, deployment: string, reserved: number): ConcurrencyDemand => ({
  region: "us-east-1",
  workload,
  deployment,
  level: `prod/us-east-1/${workload}.ts`,
  reserved,
});
const DEMANDS = [demand("aero", "us-east-1/aero/functions", 130), demand("mq", "us-east-1/mq/rest", 750), demand("mq", "us-east-1/mq/ws", 265)];

describe("Lambda reserved concurrency: one budget per account and region, across workloads", () => {
  it("over the default quota (1,000 with 100 unreserved): one issue at the region file, naming every workload's files and values", () => {
    const { issues, regions } = concurrencyBudget([region()], DEMANDS, ["aero", "mq"]);
    expect(issues).toEqual([
      {
        level: "prod/us-east-1/region.ts",
        path: "quotas.lambdaConcurrentExecutions",
        value: "1000",
        allowed:
          "us-east-1 reserves 1145 across workloads: aero 130 (us-east-1/aero/functions 130 [prod/us-east-1/aero.ts]), mq 1015 (us-east-1/mq/rest 750 [prod/us-east-1/mq.ts]; us-east-1/mq/ws 265 [prod/us-east-1/mq.ts]); Lambda keeps 100 unreserved, so at most 900 may be reserved with a quota of 1000 (the AWS default): lower the reservations or allocations, or raise the quota (Service Quotas lambda L-B99A9384) and set quotas.lambdaConcurrentExecutions here",
      },
    ]);
    expect(regions[0]).toMatchObject({ quota: 1000, quotaConfigured: false, totalReserved: 1145, reservedByWorkload: { aero: 130, mq: 1015 } });
  });

  it("a raised quota in region.ts fits it", () => {
    expect(concurrencyBudget([region({ quotas: { lambdaConcurrentExecutions: 2000 } })], DEMANDS, ["aero", "mq"]).issues).toEqual([]);
  });

  it("allocations: a workload may reserve at most its own, and the allocations (not the use) count against the quota", () => {
    const within = concurrencyBudget(
      [region({ reservedConcurrency: { aero: 130, mq: 650 } })],
      [DEMANDS[0]!, demand("mq", "us-east-1/mq/rest", 600)],
      ["aero", "mq"],
    );
    expect(within.issues).toEqual([]);
    expect(within.regions[0]).toMatchObject({ budgeted: 780, totalReserved: 730 });
    const over = concurrencyBudget([region({ reservedConcurrency: { aero: 130, mq: 650 } })], DEMANDS, ["aero", "mq"]);
    expect(over.issues.map((i) => [i.path, i.value, i.allowed])).toEqual([
      [
        "reservedConcurrency.mq",
        "650",
        "mq reserves 1015 in us-east-1 (us-east-1/mq/rest 750 [prod/us-east-1/mq.ts]; us-east-1/mq/ws 265 [prod/us-east-1/mq.ts]): lower those reservations, or raise the allocation within the quota",
      ],
    ]);
    const tooMuch = concurrencyBudget([region({ reservedConcurrency: { aero: 400, mq: 650 } })], [], ["aero", "mq"]);
    expect(tooMuch.issues.map((i) => i.path)).toEqual(["quotas.lambdaConcurrentExecutions"]);
  });

  it("refuses an allocation to a workload the env does not run, or a negative one", () => {
    const { issues } = concurrencyBudget([region({ reservedConcurrency: { atlas: 10, aero: -1 } })], [], ["aero"]);
    expect(issues.map((i) => [i.path, i.allowed])).toEqual([
      ["reservedConcurrency.atlas", "not a workload of this env; enabled: aero"],
      ["reservedConcurrency.aero", "must be a whole number >= 0 (concurrent executions)"],
    ]);
  });

  it("sums what a module's functions reserve (unset reserves nothing)", () => {
    expect(sumReservedConcurrency({ a: { reservedConcurrency: 10 }, b: {}, c: { reservedConcurrency: 5 } })).toBe(15);
  });
});
