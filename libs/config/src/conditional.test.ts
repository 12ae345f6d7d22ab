import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type EnvConfig, defineModule, defineWorkload, deploy } from "./define";
import { ConfigError } from "./errors";
import { resolveEnv } from "./resolve";
import { testRoot } from "./test-fixtures";

// A module may exist only under some config (`enabled`), and its dependencies may follow from the
// config (`dependencies` as a function): seed 001's phases are built on both.
const root = testRoot();
type Cfg = { phase: number };
const app = defineWorkload({ name: "app", project: "demo-app", schema: z.object({ phase: z.number() }).strict(), defaults: { phase: 1 }, source: "w.ts" });
// Modules of one shape: input { n }, defaulting to `n`; they differ in when they exist and what they depend on.
const appModule = (category: string, module: string, n: number, when: Pick<Parameters<typeof defineModule<NSchema, Cfg>>[0], "enabled" | "dependencies">) =>
  defineModule<NSchema, Cfg>({
    workload: "app",
    category,
    module,
    builder: `app/${module}`,
    schema: z.object({ n: z.number() }),
    source: `${module}.ts`,
    defaults: () => ({ n }),
    ...when,
  });
type NSchema = z.ZodObject<{ n: z.ZodNumber }>;
const host = appModule("compute", "host", 1, { enabled: (ctx) => ctx.workload.phase === 1 });
const cluster = appModule("compute", "cluster", 2, { enabled: (ctx) => ctx.workload.phase >= 2 });
const dns = appModule("dns", "records", 3, { dependencies: (ctx) => (ctx.workload.phase === 1 ? { target: host } : { target: cluster }) });
const env = (phase: number): EnvConfig => ({
  name: "prod",
  accountId: "123456789012",
  costAllocation: "x",
  workloads: { app: { phase } },
  regions: [
    { region: "us-east-1", role: "primary", azs: ["us-east-1a"], cidrs: {}, deployments: [deploy(host), deploy(cluster), deploy(dns)], source: "r.ts" },
  ],
  source: "e.ts",
});

describe("conditional modules", () => {
  it("a disabled module makes no deployment; dependencies follow the config", () => {
    const one = resolveEnv(root, env(1), { app });
    expect(one.deployments.map((d) => d.id)).toEqual(["us-east-1/compute/host", "us-east-1/dns/records"]);
    expect(one.deployments[1]!.dependencies).toEqual({ target: "us-east-1/compute/host" });
    const two = resolveEnv(root, env(2), { app });
    expect(two.deployments.map((d) => d.id)).toEqual(["us-east-1/compute/cluster", "us-east-1/dns/records"]);
    expect(two.deployments[1]!.dependencies).toEqual({ target: "us-east-1/compute/cluster" });
  });

  it("a dependency on a disabled module is a config error naming the file", () => {
    const broken = defineModule<z.ZodObject<{ n: z.ZodNumber }>, Cfg>({
      ...dns,
      module: "broken",
      source: "broken.ts",
      dependencies: { target: host },
    } as never);
    const e = env(2);
    const withBroken: EnvConfig = { ...e, regions: [{ ...e.regions[0]!, deployments: [...e.regions[0]!.deployments, deploy(broken)] }] };
    expect(() => resolveEnv(root, withBroken, { app })).toThrow(ConfigError);
    expect(() => resolveEnv(root, withBroken, { app })).toThrow(/no such deployment/);
  });
});
