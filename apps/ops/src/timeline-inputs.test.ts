import type { EnvConfig } from "@infra/config";
import { describe, expect, it } from "vitest";
import { resolveError } from "./bad-config/variants";
import { withTimelineOverride as withOverride } from "./timeline-env";

const errorOf = (config: EnvConfig): string => resolveError(config).message;

describe("timeline inputs: bad config fails at resolve time, naming the file, field, value and what is allowed", () => {
  it("fewer than 2 AZs", () => {
    expect(errorOf(withOverride("vpc", { azs: ["us-east-1a"] }))).toContain("[test/timeline.ts] us-east-1/timeline-network/vpc.inputs.azs");
  });
  it("Redis cluster mode without replicas", () => {
    expect(errorOf(withOverride("elasticache", { replicasPerShard: 0 }))).toContain(
      "replicasPerShard = 0: cluster mode needs automatic failover, which needs at least 1 replica per shard",
    );
  });
  it("a CloudFront deployment outside us-east-1 is refused", () => {
    expect(errorOf(withOverride("cdn", { region: "us-west-2" }))).toContain("the cdn deployment must be in us-east-1");
  });
  it("an unknown RDS instance class", () => {
    expect(errorOf(withOverride("rds", { instanceClass: "db.x9.huge" }))).toContain('us-east-1/timeline-data/rds.inputs.instanceClass = "db.x9.huge"');
  });
  it("a lifecycle that expires backups before their last transition", () => {
    expect(errorOf(withOverride("s3", { backups: { expirationDays: 100 } }))).toContain(
      'lifecycle rule "archive": expirationDays 100 must come after the last transition (day 180)',
    );
  });
});
