import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type EnvConfig, type ModuleDefinition, type RegionConfig, defineModule, defineWorkload, deploy } from "./define";
import { resolveEnv, validateEnvSet } from "./resolve";
import { errorOf, testModule, testRoot } from "./test-fixtures";

const root = testRoot({ tags: { ManagedBy: "cdktf" } });

const app = defineWorkload({
  name: "app",
  project: "demo-app",
  schema: z.object({ size: z.number().int().min(1).max(10), label: z.string() }).strict(),
  defaults: { size: 1, label: "x" },
  source: "_envcommon/app/workload.ts",
});

const net = defineModule({
  workload: "app",
  category: "network",
  module: "vpc",
  builder: "app/vpc",
  schema: z.object({ cidr: z.string(), nat: z.enum(["none", "single", "perAz"]), size: z.number() }).strict(),
  source: "_envcommon/platform/network/vpc.ts",
  defaults: (ctx) => ({ cidr: ctx.region.cidrs["app"], nat: ctx.settings.nat.mode, size: (ctx.workload as { size: number }).size }),
});

const db = defineModule({
  workload: "app",
  category: "data",
  module: "db",
  builder: "app/db",
  schema: z.object({ instanceClass: z.string().startsWith("db.") }).strict(),
  source: "_envcommon/platform/data/db.ts",
  defaults: () => ({ instanceClass: "db.t3.micro" }),
  dependencies: { vpc: () => net },
});

function region(overrides: Partial<RegionConfig> = {}): RegionConfig {
  return {
    region: "us-east-1",
    role: "primary",
    azs: ["us-east-1a", "us-east-1b"],
    cidrs: { app: "10.0.0.0/16" },
    deployments: [deploy(db), deploy(net)],
    source: "dev/us-east-1/region.ts",
    ...overrides,
  };
}

function env(overrides: Partial<EnvConfig> = {}): EnvConfig {
  return {
    name: "dev",
    accountId: "111111111111",
    costAllocation: "eng-dev",
    settings: { nat: { mode: "none" } },
    workloads: { app: { size: 2 } },
    regions: [region()],
    source: "dev/env.ts",
    ...overrides,
  };
}

describe("resolveEnv", () => {
  it("merges root → env → region → module defaults → deployment and orders by dependencies", () => {
    const resolved = resolveEnv(root, env(), { app });
    expect(resolved.deployments.map((d) => d.id)).toEqual(["us-east-1/network/vpc", "us-east-1/data/db"]);
    const [vpc, database] = resolved.deployments;
    expect(vpc!.inputs).toEqual({ cidr: "10.0.0.0/16", nat: "none", size: 2 });
    expect(database!.dependencies).toEqual({ vpc: "us-east-1/network/vpc" });
    expect(vpc!.settings.flowLogs).toEqual({ enabled: true, retentionDays: 30 });
  });

  it("derives stack names, state keys, backend and provider from root and env", () => {
    const d = resolveEnv(root, env(), { app }).deployments[0]!;
    expect(d.stackName).toBe("dev-us-east-1-network-vpc");
    expect(d.backend).toEqual({
      bucket: "demo-tfstate-111111111111",
      key: "dev/us-east-1/network/vpc/terraform.tfstate",
      region: "us-east-1",
      encrypt: true,
      dynamodbTable: "demo-locks",
      useLockfile: false,
    });
    expect(d.provider.allowedAccountIds).toEqual(["111111111111"]);
    expect(d.provider.defaultTags).toEqual({
      ManagedBy: "cdktf",
      Project: "demo-app",
      Environment: "dev",
      CostAllocation: "eng-dev",
      Workload: "app",
      Deployment: "network/vpc",
    });
  });

  it("lets a deployment override one input and a region override one setting", () => {
    const r = region({ settings: { nat: { mode: "single" } }, deployments: [deploy(net, { inputs: { size: 9 } })] });
    const d = resolveEnv(root, env({ regions: [r] }), { app }).deployments[0]!;
    expect(d.inputs).toEqual({ cidr: "10.0.0.0/16", nat: "single", size: 9 });
  });

  it("names the env file, field path, value and allowed values for a bad setting", () => {
    const e = errorOf(() => resolveEnv(root, env({ settings: { nat: { mode: "sometimes" as "none" } } }), { app }));
    expect(e.issues).toEqual([{ level: "dev/env.ts", path: "settings.nat.mode", value: '"sometimes"', allowed: 'must be one of "none" | "single" | "perAz"' }]);
    expect(e.message).toContain('[dev/env.ts] settings.nat.mode = "sometimes": must be one of "none" | "single" | "perAz"');
  });

  it("checks typed maintenance windows at resolve time: format, minimum length, no overlap with backups", () => {
    const overlap = errorOf(() => resolveEnv(root, env({ settings: { windows: { cacheMaintenance: { day: "sun", start: "03:30" } } } as never }), { app }));
    expect(overlap.issues).toEqual([
      expect.objectContaining({
        level: "dev/env.ts",
        path: "settings.windows.cacheMaintenance.start",
        value: '"03:30"',
        allowed: "sun:03:30-sun:04:30 overlaps the daily backup window 03:00-04:00: RDS and ElastiCache refuse overlapping backup and maintenance windows",
      }),
    ]);
    const malformed = errorOf(() =>
      resolveEnv(root, env({ settings: { windows: { databaseMaintenance: { start: "4:30", durationMinutes: 20 } } } as never }), { app }),
    );
    expect(malformed.issues.map((i) => [i.level, i.path, i.value])).toEqual([
      ["dev/env.ts", "settings.windows.databaseMaintenance.start", '"4:30"'],
      ["dev/env.ts", "settings.windows.databaseMaintenance.durationMinutes", "20"],
    ]);
  });

  it("names the deployment file for a bad module input, and the region file for a value the region never set", () => {
    const bad = region({ deployments: [deploy(net), deploy(db, { inputs: { instanceClass: "t3.micro" } })] });
    const e = errorOf(() => resolveEnv(root, env({ regions: [bad] }), { app }));
    expect(e.issues[0]).toMatchObject({ level: "dev/us-east-1/region.ts", path: "us-east-1/data/db.inputs.instanceClass", value: '"t3.micro"' });
    const noCidr = region({ cidrs: {} });
    const e2 = errorOf(() => resolveEnv(root, env({ regions: [noCidr] }), { app }));
    expect(e2.issues[0]).toMatchObject({ level: "dev/us-east-1/region.ts", path: "us-east-1/network/vpc.inputs.cidr", value: "undefined" });
  });

  it("names the workload override level", () => {
    const e = errorOf(() => resolveEnv(root, env({ workloads: { app: { size: 50 } } }), { app }));
    expect(e.issues[0]).toEqual({ level: "dev/env.ts", path: "workloads.app.size", value: "50", allowed: "must be <= 10" });
  });

  it("rejects unknown workloads, regions and AZs", () => {
    expect(errorOf(() => resolveEnv(root, env({ workloads: { nope: {} } }), { app })).issues[0]).toMatchObject({
      path: "workloads.nope",
      allowed: "unknown workload; must be one of app",
    });
    expect(errorOf(() => resolveEnv(root, env({ regions: [region({ region: "mars-1" })] }), { app })).issues[0]).toMatchObject({
      level: "dev/us-east-1/region.ts",
      path: "region",
      value: '"mars-1"',
    });
    expect(errorOf(() => resolveEnv(root, env({ regions: [region({ azs: ["us-east-1a", "eu-west-1b"] })] }), { app })).issues[0]).toMatchObject({
      path: "azs[1]",
      value: '"eu-west-1b"',
    });
  });

  it("rejects an unknown dependency and a cycle", () => {
    const redis = defineModule({ ...db, module: "redis" } as never);
    const dangling = defineModule({ ...db, module: "db2", dependencies: { cache: redis } } as never);
    const e = errorOf(() => resolveEnv(root, env({ regions: [region({ deployments: [deploy(net), deploy(dangling)] })] }), { app }));
    expect(e.issues[0]).toMatchObject({ path: "us-east-1/data/db2.dependencies.cache", value: '"us-east-1/data/redis"' });

    const a: ModuleDefinition = defineModule({ ...net, module: "a", dependencies: { b: () => b } } as never);
    const b: ModuleDefinition = defineModule({ ...net, module: "b", dependencies: { a: () => a } } as never);
    const cyc = errorOf(() => resolveEnv(root, env({ regions: [region({ deployments: [deploy(a), deploy(b)] })] }), { app }));
    expect(cyc.issues[0]).toMatchObject({ path: "dependencies", value: '"us-east-1/network/a -> us-east-1/network/b -> us-east-1/network/a"' });
  });

  it("rejects duplicate stacks", () => {
    const e = errorOf(() => resolveEnv(root, env({ regions: [region({ deployments: [deploy(net), deploy(net)] })] }), { app }));
    expect(e.issues.map((i) => i.allowed)).toEqual([expect.stringMatching(/^duplicate stack name/), expect.stringMatching(/^duplicate state key/)]);
  });

  it("rejects an account id that is not 12 digits", () => {
    const e = errorOf(() => resolveEnv(root, env({ accountId: "12345" }), { app }));
    expect(e.issues[0]).toEqual({ level: "dev/env.ts", path: "accountId", value: '"12345"', allowed: "must be a 12-digit AWS account id (a string)" });
  });

  it("turns on use_lockfile and drops DynamoDB locking from root config", () => {
    const r = { ...root, state: { ...root.state, useLockfile: true, dynamodbLocking: false } };
    const d = resolveEnv(r, env(), { app }).deployments[0]!;
    expect(d.backend.useLockfile).toBe(true);
    expect(d.backend.dynamodbTable).toBeUndefined();
  });

  it("is pure: same input, same output", () => {
    expect(JSON.stringify(resolveEnv(root, env(), { app }))).toBe(JSON.stringify(resolveEnv(root, env(), { app })));
  });
});

describe("validateEnvSet", () => {
  it("refuses two envs in one account", () => {
    const e = errorOf(() => validateEnvSet([env(), env({ name: "prod", accountId: "111111111111", source: "prod/env.ts" })]));
    expect(e.issues[0]).toMatchObject({ level: "prod/env.ts", path: "accountId", value: '"111111111111"' });
    expect(e.issues[0]!.allowed).toMatch(/every env needs its own AWS account; dev \(dev\/env.ts\) already uses it/);
  });
});

describe("required dependencies", () => {
  it("asks the deployment to declare a dependency its module cannot default", () => {
    const peering = defineModule({ ...net, module: "peering", requiredDependencies: ["peer"] } as never);
    const e = errorOf(() => resolveEnv(root, env({ regions: [region({ deployments: [deploy(net), deploy(peering)] })] }), { app }));
    expect(e.issues[0]).toMatchObject({ level: "dev/us-east-1/region.ts", path: "us-east-1/network/peering.dependencies.peer", value: "undefined" });
  });
});

describe("the account foundation", () => {
  const foundation = testModule({ category: "account", module: "foundation", source: "_envcommon/account/foundation.ts", foundation: true });

  it("is depended on by every other deployment and deploys first", () => {
    const resolved = resolveEnv(root, env({ regions: [region({ deployments: [deploy(db), deploy(net), deploy(foundation)] })] }), { app });
    expect(resolved.deployments.map((d) => d.id)).toEqual(["us-east-1/account/foundation", "us-east-1/network/vpc", "us-east-1/data/db"]);
    expect(resolved.deployments[1]!.dependencies).toEqual({ foundation: "us-east-1/account/foundation" });
    expect(resolved.deployments[2]!.dependencies).toEqual({ vpc: "us-east-1/network/vpc", foundation: "us-east-1/account/foundation" });
    expect(resolved.deployments[0]!.dependencies).toEqual({});
  });

  it("is one per env, in the primary region, with no dependencies of its own", () => {
    const dr: RegionConfig = {
      ...region({ region: "us-west-2", role: "dr", azs: ["us-west-2a"], source: "dev/us-west-2/region.ts" }),
      deployments: [deploy(foundation)],
    };
    const e = errorOf(() => resolveEnv(root, env({ regions: [region({ deployments: [deploy(net), deploy(foundation)] }), dr] }), { app }));
    expect(e.issues.map((i) => [i.level, i.path])).toEqual([["dev/us-west-2/region.ts", "us-west-2/account/foundation"]]);
    expect(e.issues[0]!.allowed).toMatch(/^an env has one account foundation; dev-us-east-1-account-foundation already is/);
    const onlyDr = errorOf(() => resolveEnv(root, env({ regions: [region({ deployments: [deploy(net)] }), dr] }), { app }));
    expect(onlyDr.issues[0]).toMatchObject({
      path: "us-west-2/account/foundation.region",
      allowed: "the account foundation deploys in the primary region (us-east-1)",
    });
    const withDeps = errorOf(() =>
      resolveEnv(root, env({ regions: [region({ deployments: [deploy(net), deploy(foundation, { dependencies: { vpc: net } })] })] }), { app }),
    );
    expect(withDeps.issues[0]).toMatchObject({
      path: "us-east-1/account/foundation.dependencies",
      allowed: "the account foundation deploys first: it has no dependencies",
    });
  });
});
