import { WORKLOADS } from "@envs/envcommon";
import { env as dev } from "@envs/dev";
import { root } from "@envs/root";
import { ConfigError, type EnvConfig, onlyWorkloads, resolveEnv } from "@infra/config";
import { declaredPrerequisites } from "@infra/core";
import { buildEnv } from "@infra/workloads";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** The real dev env, Aerologue only, with the time-series store set on the timestream deployment. */
function withStore(store: unknown): EnvConfig {
  const only = onlyWorkloads(dev, ["aerologue"]);
  return {
    ...only,
    regions: only.regions.map((r) => ({
      ...r,
      deployments: r.deployments.map((d) =>
        d.definition.module === "timestream" && d.definition.category === "aerologue-data" ? { ...d, inputs: { ...(d.inputs as object), store } } : d,
      ),
    })),
  };
}

describe("ARC-005 time-series store: a config choice (issue 11 class 12, ADR 0012)", () => {
  it("Timestream for LiveAnalytics stays available to an existing customer, as a declared fresh-account prerequisite of the stack", () => {
    const built = buildEnv(withStore({ kind: "timestream-liveanalytics", existingCustomer: true }), {
      root,
      workloads: WORKLOADS,
      outdir: mkdtempSync(join(tmpdir(), "ts-")),
    });
    const stack = built.stacks.get("us-east-1/aerologue-data/timestream")!;
    const json = stack.toTerraform() as { resource: Record<string, unknown> };
    expect(Object.keys(json.resource).sort()).toEqual(["aws_timestreamwrite_database", "aws_timestreamwrite_table"]);
    const customer = declaredPrerequisites(built.app).filter((p) => p.requirement.kind === "timestream-liveanalytics-customer");
    expect(customer).toEqual([
      expect.objectContaining({
        accountId: dev.accountId,
        region: "us-east-1",
        neededBy: [{ stack: "dev-us-east-1-aerologue-data-timestream", neededAt: "apply" }],
      }),
    ]);
    const fns = built.stacks.get("us-east-1/aerologue-compute/functions")!.toTerraform() as {
      resource: { aws_lambda_function: Record<string, { environment: { variables: Record<string, string> } }> };
    };
    expect(Object.values(fns.resource.aws_lambda_function).every((f) => f.environment.variables["POSITIONS_STORE"] === "timestream-liveanalytics")).toBe(true);
  });

  it("the default store declares no such prerequisite", () => {
    const built = buildEnv(withStore({ kind: "dynamodb" }), { root, workloads: WORKLOADS, outdir: mkdtempSync(join(tmpdir(), "ts-")) });
    expect(declaredPrerequisites(built.app).filter((p) => p.requirement.kind === "timestream-liveanalytics-customer")).toEqual([]);
  });

  it("LiveAnalytics without stating the account is an existing customer is a config error naming the file and the fix", () => {
    let error: unknown;
    try {
      resolveEnv(root, withStore({ kind: "timestream-liveanalytics" }), WORKLOADS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(
      "us-east-1/aerologue-data/timestream.inputs.store.existingCustomer = undefined: Timestream for LiveAnalytics accepts only existing customers (since 2025-06-20)",
    );
  });
});
