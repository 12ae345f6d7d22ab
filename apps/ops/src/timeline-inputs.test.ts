import { WORKLOADS } from "@envs/envcommon";
import { env as prod } from "@envs/prod";
import { root } from "@envs/root";
import { ConfigError, type DeploymentConfig, resolveEnv } from "@infra/config";
import { timelineModules } from "@envs/envcommon";
import { describe, expect, it } from "vitest";
import { timelineOnly } from "./timeline-env";

/** prod with one more timeline deployment override in us-east-1, declared in a test file. */
function withOverride(module: keyof typeof timelineModules, inputs: Record<string, unknown>) {
  const base = timelineOnly(prod);
  return {
    ...base,
    regions: base.regions.map((r) =>
      r.region !== "us-east-1"
        ? r
        : {
            ...r,
            deployments: r.deployments.map((d): DeploymentConfig =>
              d.definition === timelineModules[module] ? { ...d, inputs: { ...(d.inputs as object), ...inputs }, source: "test/timeline.ts" } : d,
            ),
          },
    ),
  };
}
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error("expected a ConfigError");
};

describe("timeline inputs: bad config fails at resolve time, naming the file, field, value and what is allowed", () => {
  it("fewer than 2 AZs", () => {
    expect(errorOf(() => resolveEnv(root, withOverride("vpc", { azs: ["us-east-1a"] }), WORKLOADS))).toContain(
      "[test/timeline.ts] us-east-1/timeline-network/vpc.inputs.azs",
    );
  });
  it("Redis cluster mode without replicas", () => {
    expect(errorOf(() => resolveEnv(root, withOverride("elasticache", { replicasPerShard: 0 }), WORKLOADS))).toContain(
      "replicasPerShard = 0: cluster mode needs automatic failover, which needs at least 1 replica per shard",
    );
  });
  it("a CloudFront deployment outside us-east-1 is refused", () => {
    expect(errorOf(() => resolveEnv(root, withOverride("cdn", { region: "us-west-2" }), WORKLOADS))).toContain(
      "the cdn deployment must be in us-east-1",
    );
  });
  it("an unknown RDS instance class", () => {
    expect(errorOf(() => resolveEnv(root, withOverride("rds", { instanceClass: "db.x9.huge" }), WORKLOADS))).toContain(
      'us-east-1/timeline-data/rds.inputs.instanceClass = "db.x9.huge"',
    );
  });
  it("a lifecycle that expires backups before their last transition", () => {
    expect(errorOf(() => resolveEnv(root, withOverride("s3", { backups: { expirationDays: 100 } }), WORKLOADS))).toContain(
      'lifecycle rule "archive": expirationDays 100 must come after the last transition (day 180)',
    );
  });
});
