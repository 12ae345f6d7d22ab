import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type EnvConfig, type ModuleDefinition, type RegionConfig, defineModule, defineWorkload, deploy, dependencyRef, moduleSource } from "./define";
import { deploymentIdOf } from "./naming";
import { onlyWorkloads } from "./only-workloads";
import { resolveEnv } from "./resolve";
import { errorOf, testRoot } from "./test-fixtures";

// ADR 0120: dependencies name module definitions, sources follow from the module, env waivers name deployment ids.
const root = testRoot();
const app = defineWorkload({ name: "app", project: "demo-app", schema: z.object({}).strict(), defaults: {} });
const base = { workload: "app", schema: z.object({}).strict(), defaults: () => ({}) };
const vpc = defineModule({ ...base, category: "app-network", module: "vpc", builder: "app/vpc" });
const db = defineModule({
  ...base,
  category: "app-data",
  module: "db",
  builder: "app/db",
  dependencies: { vpc, primaryVpc: { module: () => vpc, region: "primary" } },
});
const cache = defineModule({ ...base, category: "app-data", module: "cache", builder: "app/cache", dependencies: { vpc: () => vpc } });

function region(name: "us-east-1" | "us-west-2", deployments: RegionConfig["deployments"]): RegionConfig {
  const azs = name === "us-east-1" ? ["us-east-1a"] : ["us-west-2a"];
  return { region: name, role: name === "us-east-1" ? "primary" : "dr", azs, cidrs: {}, deployments, source: `dev/${name}/region.ts` };
}
function env(overrides: Partial<EnvConfig> = {}): EnvConfig {
  return {
    name: "dev",
    accountId: "111111111111",
    costAllocation: "eng-dev",
    workloads: { app: {} },
    regions: [region("us-east-1", [deploy(vpc), deploy(db)]), region("us-west-2", [deploy(vpc), deploy(db), deploy(cache)])],
    source: "dev/env.ts",
    ...overrides,
  };
}

describe("typed wiring (ADR 0120)", () => {
  it("resolves dependencies named by module definition, by a function returning one, and in another region", () => {
    const resolved = resolveEnv(root, env(), { app });
    const of = (id: string) => resolved.deployments.find((d) => d.id === id)!.dependencies;
    expect(of("us-west-2/app-data/db")).toEqual({ vpc: "us-west-2/app-network/vpc", primaryVpc: "us-east-1/app-network/vpc" });
    expect(of("us-west-2/app-data/cache")).toEqual({ vpc: "us-west-2/app-network/vpc" });
  });

  it("still accepts the deprecated { category, module } form, to the same deployment", () => {
    expect(dependencyRef({ category: "app-network", module: "vpc", region: "primary" })).toEqual({ category: "app-network", module: "vpc", region: "primary" });
    expect(dependencyRef({ module: vpc, region: "primary" })).toEqual({ category: "app-network", module: "vpc", region: "primary", source: vpc.source });
  });

  it("names the module's file when the env does not deploy the module a dependency names", () => {
    const e = errorOf(() => resolveEnv(root, env({ regions: [region("us-east-1", [deploy(cache)])] }), { app }));
    expect(e.issues).toEqual([
      {
        level: "dev/us-east-1/region.ts",
        path: "us-east-1/app-data/cache.dependencies.vpc",
        value: '"us-east-1/app-network/vpc"',
        allowed:
          "no such deployment in dev (the module of environments/_envcommon/app/network/vpc.ts is not deployed in us-east-1: deploy it there, or drop the dependency); deployments: us-east-1/app-data/cache",
      },
    ]);
  });

  it("says what to do when a dependency's definition is undefined (a module-file import cycle)", () => {
    const broken = defineModule({
      ...base,
      category: "app-data",
      module: "db",
      builder: "app/db",
      dependencies: { vpc: undefined as unknown as ModuleDefinition },
    });
    const e = errorOf(() => resolveEnv(root, env({ regions: [region("us-east-1", [deploy(vpc), deploy(broken)])] }), { app }));
    expect(e.issues[0]).toMatchObject({
      path: "us-east-1/app-data/db.dependencies.vpc",
      value: "undefined",
      allowed: expect.stringContaining("write the dependency as a function, () => module"),
    });
  });

  it("derives a module's source from workload, category and module by the _envcommon convention", () => {
    expect(vpc.source).toBe("environments/_envcommon/app/network/vpc.ts");
    expect(moduleSource({ workload: "account", category: "account", module: "foundation" })).toBe("environments/_envcommon/account/foundation.ts");
    expect(moduleSource({ workload: "platform", category: "data", module: "rds" })).toBe("environments/_envcommon/platform/data/rds.ts");
    expect(
      defineModule({ ...base, category: "app-api", module: "rest", builder: "app/rest", source: "environments/_envcommon/app/api/rest-api.ts" }).source,
    ).toBe("environments/_envcommon/app/api/rest-api.ts");
    expect(app.source).toBe("environments/_envcommon/app/workload.ts");
  });

  it("gives an env waiver that names deployments to exactly those deployments, in any order of the list", () => {
    const waivers = [
      { rule: "INF-X-001", address: "aws_db_instance.*", reason: "only the DR database", deployments: [deploymentIdOf(db, "us-west-2")] },
      { rule: "INF-X-002", address: "aws_vpc.*", reason: "every deployment of the env" },
    ];
    const resolved = resolveEnv(root, env({ waivers }), { app });
    expect(resolved.waivers.map((w) => w.rule)).toEqual(["INF-X-002"]);
    const rules = (id: string) => resolved.deployments.find((d) => d.id === id)!.waivers.map((w) => `${w.rule} ${w.level} ${"deployments" in w}`);
    expect(rules("us-west-2/app-data/db")).toEqual(["INF-X-001 dev/env.ts false"]);
    expect(rules("us-east-1/app-data/db")).toEqual([]);
  });

  it("rejects an env waiver naming a deployment the env does not have, and a stack-name glob", () => {
    const e = errorOf(() =>
      resolveEnv(
        root,
        env({ waivers: [{ rule: "INF-X-001", address: "aws_db_instance.*", reason: "only the DR database", deployments: ["us-west-2/app-data/dbb"] }] }),
        { app },
      ),
    );
    expect(e.issues).toEqual([
      expect.objectContaining({
        level: "dev/env.ts",
        path: "waivers[0].deployments[0]",
        value: '"us-west-2/app-data/dbb"',
        allowed: expect.stringContaining("a deployment id of dev ({region}/{category}/{module}); deployments: "),
      }),
    ]);
    const glob = errorOf(() =>
      resolveEnv(root, env({ waivers: [{ rule: "INF-X-001", address: "*-app-data-db/aws_db_instance.*", reason: "only the DR database" }] }), { app }),
    );
    expect(glob.issues).toEqual([
      expect.objectContaining({ level: "dev/env.ts", path: "waivers[0].address", allowed: expect.stringContaining("names its deployments by id") }),
    ]);
  });

  it("onlyWorkloads keeps the named workloads, the deployments alsoKeep names with their workload, and the env waivers still naming deployments", () => {
    const ops = defineWorkload({ name: "ops", project: "demo-ops", schema: z.object({}).strict(), defaults: {} });
    const oidc = defineModule({ ...base, workload: "ops", category: "ops-security", module: "oidc", builder: "ops/oidc" });
    const logs = defineModule({ ...base, workload: "ops", category: "ops-logs", module: "logs", builder: "ops/logs" });
    const full = env({
      workloads: { app: {}, ops: {} },
      regions: [region("us-east-1", [deploy(vpc), deploy(db), deploy(oidc), deploy(logs)])],
      waivers: [
        { rule: "INF-X-001", address: "aws_db_instance.*", reason: "the app's database", deployments: [deploymentIdOf(db, "us-east-1")] },
        { rule: "INF-X-002", address: "aws_s3_bucket.*", reason: "the ops logs", deployments: [deploymentIdOf(logs, "us-east-1")] },
        { rule: "INF-X-003", address: "aws_vpc.*", reason: "every deployment of the env" },
      ],
    });
    const ids = (e: EnvConfig) => resolveEnv(root, e, { app, ops }).deployments.map((d) => d.id);
    const appOnly = onlyWorkloads(full, ["app"]);
    expect(ids(appOnly)).toEqual(["us-east-1/app-network/vpc", "us-east-1/app-data/db"]);
    expect(Object.keys(appOnly.workloads)).toEqual(["app"]);
    expect(appOnly.waivers!.map((w) => w.rule)).toEqual(["INF-X-001", "INF-X-003"]);
    const withOidc = onlyWorkloads(full, ["app"], { alsoKeep: (d) => d.definition === oidc });
    expect(ids(withOidc)).toEqual(["us-east-1/app-network/vpc", "us-east-1/app-data/db", "us-east-1/ops-security/oidc"]);
    expect(Object.keys(withOidc.workloads)).toEqual(["app", "ops"]);
    expect(withOidc.waivers!.map((w) => w.rule)).toEqual(["INF-X-001", "INF-X-003"]);
  });
});
