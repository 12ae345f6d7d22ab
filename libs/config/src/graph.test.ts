import { describe, expect, it } from "vitest";
import { topoSort } from "./graph";

describe("topoSort", () => {
  it("puts dependencies first and picks the earliest-declared ready node first", () => {
    const edges = new Map([
      ["rds", ["vpc", "ecs"]],
      ["ecs", ["vpc"]],
      ["monitoring", ["rds", "ecs"]],
    ]);
    expect(topoSort(["monitoring", "vpc", "rds", "ecs", "dns"], edges)).toEqual({ order: ["vpc", "ecs", "rds", "monitoring", "dns"] });
  });

  it("reports a cycle as a path", () => {
    const edges = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(topoSort(["a", "b", "c"], edges)).toEqual({ cycle: ["a", "b", "c", "a"] });
  });
});
