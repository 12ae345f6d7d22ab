import { describe, expect, it } from "vitest";
import { type Prerequisite, blocksDeployOf, describeRequirement, mergePrerequisites, prerequisiteKey } from "./prerequisites";

const base = { accountId: "111111111111", region: "us-east-1", after: [], declaredBy: ["x"] };
const secret = (format: string, neededBy: Prerequisite["neededBy"] = []): Prerequisite => ({
  ...base,
  requirement: { kind: "secret-value", secret: "app/idp", format },
  neededBy,
  reason: `r-${format}`,
});

describe("fresh-account prerequisites (pure model)", () => {
  it("keys a requirement per account and region; zones and state buckets per account only", () => {
    expect(prerequisiteKey(secret("x"))).toBe("111111111111/us-east-1/secret-value:app/idp");
    const zone = {
      ...base,
      region: "eu-west-1",
      requirement: { kind: "zone-delegation" as const, zone: "app.example.org.", parent: { kind: "registrar" as const } },
    };
    expect(prerequisiteKey(zone)).toBe("111111111111/*/zone-delegation:app.example.org");
  });

  it("merges declarations: needs at the earliest point per stack, the reader's details over the container's", () => {
    const merged = mergePrerequisites([
      secret("the secret string"),
      secret('JSON {"client_id"}', [{ stack: "auth", neededAt: "runtime" }]),
      secret('JSON {"other"}', [{ stack: "auth", neededAt: "plan" }]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.requirement).toEqual({ kind: "secret-value", secret: "app/idp", format: 'JSON {"client_id"}' });
    expect(merged[0]!.neededBy).toEqual([{ stack: "auth", neededAt: "plan" }]);
    expect(merged[0]!.reason).toBe('r-the secret string; r-JSON {"client_id"}; r-JSON {"other"}');
  });

  it("blocks a deploy only of stacks that fail at plan or apply without it", () => {
    const p = secret("x", [
      { stack: "auth", neededAt: "plan" },
      { stack: "functions", neededAt: "runtime" },
    ]);
    expect(blocksDeployOf(p, new Set(["auth"]))).toBe(true);
    expect(blocksDeployOf(p, new Set(["functions", "other"]))).toBe(false);
  });

  it("describes each kind in one line", () => {
    expect(describeRequirement({ kind: "zone-delegation", zone: "dev.app.org", parent: { kind: "zone", zone: "app.org", env: "prod" } })).toBe(
      "dev.app.org is delegated by NS records in the zone app.org (env prod)",
    );
    expect(
      describeRequirement({ kind: "service-quota", serviceCode: "lambda", quotaCode: "L-B99A9384", quotaName: "Concurrent executions", minimum: 1100 }),
    ).toBe("service quota lambda L-B99A9384 (Concurrent executions) is at least 1100");
  });
});
