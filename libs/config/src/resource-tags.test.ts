import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type EnvConfig, defineModule, defineWorkload, deploy } from "./define";
import { resolveEnv } from "./resolve";
import { errorOf, testRoot } from "./test-fixtures";

const root = testRoot({ tags: { ManagedBy: "cdktf" } });

const tagged = defineWorkload({
  name: "app",
  project: "demo-app",
  schema: z.object({}).strict(),
  defaults: {},
  tags: { service: "app", criticality: "low", backupRequired: false, disasterRecovery: "disabled" },
  source: "_envcommon/app/workload.ts",
});
const untagged = defineWorkload({ name: "other", project: "demo-other", schema: z.object({}).strict(), defaults: {}, source: "_envcommon/other/workload.ts" });

const module = (workload: string, name: string, tags?: Record<string, unknown>) =>
  defineModule({
    workload,
    category: "data",
    module: name,
    builder: `${workload}/${name}`,
    schema: z.object({}).strict(),
    source: `_envcommon/platform/data/${name}.ts`,
    defaults: () => ({}),
    ...(tags ? { tags } : {}),
  });
const db = module("app", "db", { service: "database", backupRequired: true });
const cache = module("app", "cache");
const queue = module("other", "queue");

function env(overrides: Partial<EnvConfig> & { deployments?: EnvConfig["regions"][number]["deployments"] } = {}): EnvConfig {
  const { deployments, ...rest } = overrides;
  return {
    name: "prod",
    accountId: "111111111111",
    costAllocation: "eng-prod",
    workloads: { app: {}, other: {} },
    regions: [
      {
        region: "us-east-1",
        role: "primary",
        azs: ["us-east-1a"],
        cidrs: {},
        deployments: deployments ?? [deploy(db), deploy(cache), deploy(queue)],
        source: "prod/us-east-1/region.ts",
      },
    ],
    source: "prod/env.ts",
    ...rest,
  };
}

const byModule = (e: ReturnType<typeof resolveEnv>, m: string) => e.deployments.find((d) => d.module === m)!;

describe("seed 004 resource tags", () => {
  it("merges workload → module → env → deployment and renders them into the provider's default tags", () => {
    const resolved = resolveEnv(
      root,
      env({
        tags: { app: { criticality: "high", disasterRecovery: "enabled" } },
        deployments: [deploy(db), deploy(cache, { tags: { criticality: "medium" } }), deploy(queue)],
      }),
      { app: tagged, other: untagged },
    );
    expect(byModule(resolved, "db").tags).toEqual({ service: "database", criticality: "high", backupRequired: true, disasterRecovery: "enabled" });
    expect(byModule(resolved, "db").provider.defaultTags).toMatchObject({
      Service: "database",
      Criticality: "high",
      BackupRequired: "true",
      DisasterRecovery: "enabled",
      Deployment: "data/db",
    });
    expect(byModule(resolved, "cache").provider.defaultTags).toMatchObject({
      Service: "app",
      Criticality: "medium",
      BackupRequired: "false",
      DisasterRecovery: "enabled",
    });
  });

  it("leaves a workload that sets no tag at any layer without them", () => {
    const queueDeployment = byModule(resolveEnv(root, env(), { app: tagged, other: untagged }), "queue");
    expect(queueDeployment.tags).toBeUndefined();
    expect(Object.keys(queueDeployment.provider.defaultTags).sort()).toEqual([
      "CostAllocation",
      "Deployment",
      "Environment",
      "ManagedBy",
      "Project",
      "Workload",
    ]);
  });

  it("rejects a bad value naming the file that set it, the field and what is allowed", () => {
    const error = errorOf(() => resolveEnv(root, env({ tags: { app: { criticality: "urgent" as "high" } } }), { app: tagged, other: untagged }));
    expect(error.issues).toContainEqual({
      level: "prod/env.ts",
      path: "us-east-1/data/db.tags.criticality",
      value: '"urgent"',
      allowed: 'must be one of "high" | "medium" | "low"',
    });
    expect(error.message).toContain('[prod/env.ts] us-east-1/data/db.tags.criticality = "urgent": must be one of "high" | "medium" | "low"');
  });

  it("rejects a deployment's non-boolean BackupRequired, an unknown tag field and a half-tagged workload", () => {
    const error = errorOf(() =>
      resolveEnv(
        root,
        env({
          deployments: [
            deploy(db, { tags: { backupRequired: "yes" as unknown as boolean, owner: "x" } as never }),
            deploy(cache),
            deploy(queue, { tags: { service: "queue" } }),
          ],
        }),
        { app: tagged, other: untagged },
      ),
    );
    const at = (path: string) => error.issues.find((i) => i.path === path);
    expect(at("us-east-1/data/db.tags.backupRequired")).toMatchObject({ level: "prod/us-east-1/region.ts", value: '"yes"', allowed: "must be a boolean" });
    expect(at("us-east-1/data/db.tags.owner")?.allowed).toMatch(/unknown field/);
    expect(at("us-east-1/data/queue.tags.criticality")).toMatchObject({
      level: "prod/us-east-1/region.ts",
      allowed: expect.stringContaining('"high" | "medium" | "low"'),
    });
  });

  it("rejects env tags for an unknown workload; ignores those of a known workload the env does not run", () => {
    const error = errorOf(() => resolveEnv(root, env({ tags: { missing: { criticality: "high" } } }), { app: tagged, other: untagged }));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ level: "prod/env.ts", path: "tags.missing", allowed: "unknown workload; must be one of app | other" }),
    );
    const narrowed = resolveEnv(root, env({ workloads: { app: {} }, deployments: [deploy(db)], tags: { other: { criticality: "high" } } }), {
      app: tagged,
      other: untagged,
    });
    expect(narrowed.deployments.map((d) => d.module)).toEqual(["db"]);
  });
});
