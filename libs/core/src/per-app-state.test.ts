import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { perAppState } from "./per-app-state";

describe("perAppState", () => {
  it("gives every construct of one app the same state, created once, and another app its own", () => {
    let created = 0;
    const stateOf = perAppState(() => {
      created += 1;
      return new Set<string>();
    });
    const app = new App();
    const a = new Construct(new TerraformStack(app, "a"), "deep");
    const b = new TerraformStack(app, "b");
    stateOf(a).add("from a");
    expect([...stateOf(b)]).toEqual(["from a"]);
    expect(stateOf(app)).toBe(stateOf(a));
    const other = new TerraformStack(new App(), "a");
    expect([...stateOf(other)]).toEqual([]);
    expect(created).toBe(2);
  });
});
