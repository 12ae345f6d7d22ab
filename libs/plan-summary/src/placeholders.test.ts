import { PLACEHOLDER_GUARD } from "@infra/core";
import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures";
import { renderPlanComment } from "./render";
import { PLACEHOLDER_GUARD_NAME, summarizePlan } from "./summarize";

// __fixtures__/placeholders.json: `tofu show -json` (OpenTofu 1.12.6) of a consumer planned before
// its producer was applied (libs/core/src/cross-stack/fresh-env.tofu.test.ts), trimmed to the keys read.
describe("plans on cross-stack placeholders (docs/fresh-env-plan.md)", () => {
  it("names the guard as libs/core writes it", () => {
    expect(PLACEHOLDER_GUARD_NAME).toBe(PLACEHOLDER_GUARD);
  });

  it("the summary lists the reads on placeholders, from the guard the plan would create", () => {
    const summary = summarizePlan(fixture("placeholders.json"));
    expect(summary.placeholders).toEqual([
      "dev-us-east-1-demo-base aws_kms_key.key.arn",
      "dev-us-east-1-demo-base aws_subnet.subnet-a.id",
      "dev-us-east-1-demo-base aws_subnet.subnet-b.id",
    ]);
    expect(summary.adds).toBe(3);
    expect(summarizePlan(fixture("create.json")).placeholders).toBeUndefined();
  });

  it("the PR comment says which stacks are planned on placeholders and that their apply is refused", () => {
    const body = renderPlanComment("dev", [
      { stack: "dev-us-east-1-demo-app", summary: summarizePlan(fixture("placeholders.json")) },
      { stack: "dev-us-east-1-network-vpc", summary: summarizePlan(fixture("create.json")) },
    ]);
    expect(body).toContain("> 1 stack is planned on placeholder values");
    expect(body).toContain("Applying them is refused until those stacks are applied");
    expect(body).toContain(
      "> - `dev-us-east-1-demo-app`: dev-us-east-1-demo-base aws_kms_key.key.arn, dev-us-east-1-demo-base aws_subnet.subnet-a.id, dev-us-east-1-demo-base aws_subnet.subnet-b.id",
    );
    expect(renderPlanComment("dev", [{ stack: "s", summary: summarizePlan(fixture("create.json")) }])).not.toContain("placeholder");
  });

  it("long lists are cut to five reads per stack", () => {
    const summary = { ...summarizePlan(fixture("placeholders.json")), placeholders: Array.from({ length: 8 }, (_, i) => `p r${i}`) };
    expect(renderPlanComment("dev", [{ stack: "s", summary }])).toContain("> - `s`: p r0, p r1, p r2, p r3, p r4 and 3 more");
  });
});
