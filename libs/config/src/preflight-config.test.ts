import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type EnvConfig, defineWorkload, deploy } from "./define";
import { resolveEnv } from "./resolve";
import { errorOf, testModule, testRoot } from "./test-fixtures";

const app = defineWorkload({ name: "app", project: "demo-app", schema: z.object({}).strict(), defaults: {}, source: "_envcommon/app/workload.ts" });
const net = testModule({ category: "network", module: "vpc", source: "_envcommon/platform/network/vpc.ts" });

function env(overrides: Partial<EnvConfig> = {}, quotas?: unknown): EnvConfig {
  return {
    name: "dev",
    accountId: "111111111111",
    costAllocation: "eng-dev",
    workloads: { app: {} },
    regions: [
      {
        region: "us-east-1",
        role: "primary",
        azs: ["us-east-1a"],
        cidrs: {},
        deployments: [deploy(net)],
        source: "dev/us-east-1/region.ts",
        ...(quotas ? { quotas: quotas as never } : {}),
      },
    ],
    source: "dev/env.ts",
    ...overrides,
  };
}

describe("preflight inputs in the config (root preflight mode, region quotas, env prerequisites)", () => {
  it("accepts a mode, a raised Lambda quota and prerequisites that say how they are provided", () => {
    const root = { ...testRoot(), preflight: { mode: "report" as const } };
    const prerequisites = {
      secrets: [{ name: "app/idp", reason: "set by the IdP owner: aws secretsmanager put-secret-value --secret-id app/idp" }],
      zones: [{ name: "acme.io", reason: "NS records at the registrar" }],
    };
    expect(resolveEnv(root, env({ prerequisites }, { lambdaConcurrentExecutions: 3000 }), { app }).deployments).toHaveLength(1);
  });

  it("names the file, path, value and what is allowed for a bad mode, quota or prerequisite", () => {
    expect(errorOf(() => resolveEnv({ ...testRoot(), preflight: { mode: "warn" as "report" } }, env(), { app })).message).toContain(
      "[environments/root.ts] preflight.mode",
    );
    expect(errorOf(() => resolveEnv(testRoot(), env({}, { lambdaConcurrentExecutions: 0 }), { app })).message).toContain(
      "[dev/us-east-1/region.ts] quotas.lambdaConcurrentExecutions = 0",
    );
    const e = errorOf(() => resolveEnv(testRoot(), env({ prerequisites: { secrets: [{ name: "app/idp", reason: "" }] } }), { app }));
    expect(e.message).toContain('[dev/env.ts] prerequisites.secrets.0.reason = "": say how it is provided');
  });
});
