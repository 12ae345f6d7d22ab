import { describe, expect, it } from "vitest";
import { z } from "zod";
import { alarmPeriodError, alarmThreshold, azIssues, peeredCidrIssues, scheduleExpression, scheduleExpressionError } from "./checks";
import { type EnvConfig, type RegionConfig, defineModule, defineWorkload, deploy } from "./define";
import { ConfigError } from "./errors";
import { resolveEnv } from "./resolve";
import { testModule, testRoot } from "./test-fixtures";

describe("scheduleExpressionError", () => {
  it.each([
    ["rate(1 minute)", undefined],
    ["rate(5 minutes)", undefined],
    ["rate(1 hour)", undefined],
    ["rate(7 days)", undefined],
    ["cron(0 12 * * ? *)", undefined],
    ["cron(0/15 * ? * MON-FRI *)", undefined],
  ])("accepts %s", (expr, expected) => expect(scheduleExpressionError(expr)).toBe(expected));

  it.each([
    ["rate(30 seconds)", "at most once a minute: use rate(1 minute) or slower"],
    ["rate(1 second)", "at most once a minute"],
    ["rate(0 minutes)", "at least 1"],
    ["rate(1 minutes)", "singular unit for 1: rate(1 minute)"],
    ["rate(5 minute)", "plural unit for 5: rate(5 minutes)"],
    ["rate(5 weeks)", 'must be "rate(<n> minute[s]|hour[s]|day[s])"'],
    ["cron(*/30 * * * * ? *)", "6 fields"],
    ["cron(0 12 * * * *)", "exactly one of day-of-month and day-of-week must be ?"],
    ["every 5 minutes", 'must be "rate(...)" or "cron(...)"'],
  ])("rejects %s", (expr, allowed) => expect(scheduleExpressionError(expr)).toContain(allowed));

  it("is a zod schema", () => {
    expect(scheduleExpression.safeParse("rate(10 minutes)").success).toBe(true);
    const bad = scheduleExpression.safeParse("rate(10 seconds)");
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/at most once a minute/);
  });
});

describe("alarmThreshold", () => {
  const schema = alarmThreshold(z.number().min(1).max(100));
  const messages = (v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts a threshold with its window", () => {
    expect(messages({ threshold: 80, periodSeconds: 300, evaluationPeriods: 2 })).toEqual([]);
    expect(messages({ threshold: 80, periodSeconds: 10, evaluationPeriods: 6, datapointsToAlarm: 3 })).toEqual([]);
  });

  it("rejects a threshold without a period, bad periods, windows over 7 days, and too many datapoints", () => {
    expect(messages({ threshold: 80, evaluationPeriods: 2 })).toEqual(["periodSeconds: Invalid input: expected number, received undefined"]);
    expect(messages({ threshold: 80, periodSeconds: 45, evaluationPeriods: 2 })).toEqual([
      "periodSeconds: CloudWatch accepts a period of 10, 30 (high-resolution metrics) or a multiple of 60 seconds",
    ]);
    expect(messages({ threshold: 80, periodSeconds: 86400, evaluationPeriods: 8 })[0]).toMatch(/^evaluationPeriods: .*exceeds CloudWatch's 7-day window/);
    expect(messages({ threshold: 80, periodSeconds: 60, evaluationPeriods: 2, datapointsToAlarm: 3 })).toEqual([
      "datapointsToAlarm: must be <= evaluationPeriods (2)",
    ]);
    expect(alarmPeriodError(0)).toBe("must be a positive whole number of seconds");
  });
});

// --- module checks through resolveEnv -----------------------------------------------------------

const root = testRoot({ settings: { nat: { mode: "none" } } });
const app = defineWorkload({ name: "app", project: "demo", schema: z.object({}).strict(), defaults: {}, source: "_envcommon/app/workload.ts" });
const vpc = defineModule({
  workload: "app",
  category: "network",
  module: "vpc",
  builder: "app/vpc",
  schema: z.object({ cidr: z.string(), azs: z.array(z.string()) }).strict(),
  source: "_envcommon/platform/network/vpc.ts",
  defaults: ({ region }) => ({ cidr: region.cidrs["app"], azs: [...region.azs] }),
  check: (self) => azIssues(self),
});
const peering = testModule({
  category: "network",
  module: "peering",
  source: "_envcommon/platform/network/peering.ts",
  dependencies: { vpc: () => vpc },
  requiredDependencies: ["peer"],
  check: (self, env) => peeredCidrIssues(self, env),
});

function region(name: string, cidr: string, extra: Partial<RegionConfig> = {}): RegionConfig {
  return {
    region: name,
    role: name === "us-east-1" ? "primary" : "dr",
    azs: [`${name}a`, `${name}b`],
    cidrs: { app: cidr },
    deployments: [deploy(vpc)],
    source: `dev/${name}/region.ts`,
    ...extra,
  };
}
function env(
  eastCidr: string,
  westCidr: string,
  eastDeployments = [deploy(vpc), deploy(peering, { dependencies: { peer: { module: vpc, region: "us-west-2" } } })],
): EnvConfig {
  return {
    name: "dev",
    accountId: "111111111111",
    costAllocation: "eng",
    workloads: { app: {} },
    regions: [region("us-east-1", eastCidr, { deployments: eastDeployments }), region("us-west-2", westCidr)],
    source: "dev/env.ts",
  };
}
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  return [];
}

describe("ModuleDefinition.check", () => {
  it("passes disjoint peered VPCs", () => {
    expect(resolveEnv(root, env("10.0.0.0/16", "10.1.0.0/16"), { app }).deployments.map((d) => d.id)).toContain("us-east-1/network/peering");
  });

  it("rejects overlapping peered VPCs at the peering deployment's level, after every deployment resolved", () => {
    expect(issuesOf(() => resolveEnv(root, env("10.0.0.0/16", "10.0.128.0/17"), { app }))).toEqual([
      {
        level: "dev/us-east-1/region.ts",
        path: "us-east-1/network/peering.dependencies.peer",
        value: '["10.0.0.0/16","10.0.128.0/17"]',
        allowed:
          "peered VPC CIDRs must not overlap: us-east-1/network/vpc has 10.0.0.0/16 and us-west-2/network/vpc has 10.0.128.0/17 (set in each region.ts cidrs); give one of them a disjoint block",
      },
    ]);
  });

  it("rejects a VPC peered with itself", () => {
    const self = [deploy(vpc), deploy(peering, { dependencies: { peer: vpc } })];
    expect(issuesOf(() => resolveEnv(root, env("10.0.0.0/16", "10.1.0.0/16", self), { app }))[0]).toMatchObject({
      path: "us-east-1/network/peering.dependencies.peer",
      allowed: expect.stringContaining("cannot peer with itself"),
    });
  });

  it("rejects a deployment's AZ that is not in its region, naming the deployment file", () => {
    const deployments = [deploy(vpc, { inputs: { azs: ["us-east-1a", "eu-west-1a"] }, source: "dev/us-east-1/app.ts" })];
    expect(issuesOf(() => resolveEnv(root, env("10.0.0.0/16", "10.1.0.0/16", deployments), { app }))).toEqual([
      {
        level: "dev/us-east-1/app.ts",
        path: "us-east-1/network/vpc.inputs.azs[1]",
        value: '"eu-west-1a"',
        allowed: "must be an availability zone of us-east-1: us-east-1a | us-east-1b | us-east-1c | us-east-1d | us-east-1e | us-east-1f",
      },
    ]);
    const notListed = [deploy(vpc, { inputs: { azs: ["us-east-1a", "us-east-1c"] }, source: "dev/us-east-1/app.ts" })];
    expect(issuesOf(() => resolveEnv(root, env("10.0.0.0/16", "10.1.0.0/16", notListed), { app }))[0]).toMatchObject({
      path: "us-east-1/network/vpc.inputs.azs[1]",
      allowed: "must be one of the region's azs (region.ts): us-east-1a | us-east-1b",
    });
  });
});

describe("resolveEnv builders option", () => {
  it("rejects a module whose builder no workload registers, at the module's file", () => {
    expect(issuesOf(() => resolveEnv(root, env("10.0.0.0/16", "10.1.0.0/16"), { app }, { builders: ["app/vpc"] }))[0]).toEqual({
      level: "_envcommon/platform/network/peering.ts",
      path: "deployments[1] (network/peering).builder",
      value: '"app/peering"',
      allowed: "no workload registers this builder; known: app/vpc",
    });
  });
});

describe("subnet helpers", () => {
  it("reports subnets smaller than /28, offsets past the VPC, and repeated offsets", async () => {
    const { subnetSizeError, subnetOffsetError, duplicateOffsets } = await import("./checks");
    expect(subnetSizeError("10.0.0.0/24", 8)).toBe(
      "a /24 VPC split by 8 bits gives /32 subnets; subnets may be no smaller than /28: use a larger VPC or subnetNewBits <= 4",
    );
    expect(subnetSizeError("10.0.0.0/16", 8)).toBeUndefined();
    expect(subnetOffsetError("10.0.0.0/16", 8, 256)).toBe(
      "offset past the VPC: 10.0.0.0/16 split by 8 bits has subnets 0..255 (and subnets may be no smaller than /28)",
    );
    expect(subnetOffsetError("10.0.0.0/16", 8, 255)).toBeUndefined();
    expect(duplicateOffsets({ public: [1, 2], private: [2, 3], database: [1] })).toEqual([
      { tier: "private", index: 0, offset: 2 },
      { tier: "database", index: 0, offset: 1 },
    ]);
  });
});

describe("zodIssues keeps a schema's own bound message", () => {
  it("uses .length(n, { message }) instead of the bare bound", async () => {
    const { zodIssues } = await import("./errors");
    const schema = z.object({ azs: z.array(z.string()).length(2, { message: "exactly two availability zones" }), n: z.number().max(3) });
    const r = schema.safeParse({ azs: ["a", "b", "c"], n: 4 });
    expect(zodIssues(r.error!, { azs: ["a", "b", "c"], n: 4 }, new Map(), { fallbackLevel: "x.ts" }).map((i) => i.allowed)).toEqual([
      "exactly two availability zones",
      "must be <= 3",
    ]);
  });
});

describe("zodIssues lists the literals of a union", () => {
  it("says which values a union of literals allows", async () => {
    const { zodIssues } = await import("./errors");
    const schema = z.object({ days: z.union([z.literal(7), z.literal(14), z.literal(30)]) });
    const r = schema.safeParse({ days: 45 });
    expect(zodIssues(r.error!, { days: 45 }, new Map(), { fallbackLevel: "x.ts" })[0]).toEqual({
      level: "x.ts",
      path: "days",
      value: "45",
      allowed: "must be one of 7 | 14 | 30",
    });
  });
});
