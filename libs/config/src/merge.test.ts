import { describe, expect, it } from "vitest";
import { deepMerge, mergeLayers, sourceOf } from "./merge";

describe("mergeLayers", () => {
  it("merges objects deeply, replaces arrays, lets the later layer win", () => {
    const { value } = mergeLayers([
      { source: "root", values: { a: { b: 1, c: [1, 2] }, d: "x" } },
      { source: "env", values: { a: { c: [3] }, d: "y" } },
    ]);
    expect(value).toEqual({ a: { b: 1, c: [3] }, d: "y" });
  });

  it("never erases with undefined, but null is a value", () => {
    const { value } = mergeLayers([
      { source: "root", values: { a: 1, b: 2 } },
      { source: "env", values: { a: undefined, b: null } },
    ]);
    expect(value).toEqual({ a: 1, b: null });
  });

  it("records which layer set each leaf", () => {
    const { provenance } = mergeLayers([
      { source: "root.ts", values: { nat: { mode: "perAz" }, flowLogs: { enabled: true, retentionDays: 30 } } },
      { source: "dev/env.ts", values: { flowLogs: { enabled: false } } },
    ]);
    expect(sourceOf(provenance, ["flowLogs", "enabled"])).toBe("dev/env.ts");
    expect(sourceOf(provenance, ["flowLogs", "retentionDays"])).toBe("root.ts");
    expect(sourceOf(provenance, ["nat", "mode"])).toBe("root.ts");
  });

  it("a value replaced whole by a later layer forgets the earlier layer's leaves", () => {
    const { provenance } = mergeLayers([
      { source: "root.ts", values: { list: [1, 2], nat: { mode: "single" } } },
      { source: "env.ts", values: { list: [3], nat: "oops" } },
    ]);
    expect(sourceOf(provenance, ["list", 0])).toBe("env.ts");
    expect(sourceOf(provenance, ["nat", "mode"])).toBe("env.ts");
  });

  it("replaces an object whose `kind` changes (another union variant) instead of mixing both", () => {
    const { value, provenance } = mergeLayers([
      { source: "module", values: { delegation: { kind: "external-zone", zone: "app.org", env: "prod" }, flowLogs: { enabled: true, retentionDays: 30 } } },
      { source: "deployment", values: { delegation: { kind: "env-zone" }, flowLogs: { enabled: false } } },
    ]);
    expect(value).toEqual({ delegation: { kind: "env-zone" }, flowLogs: { enabled: false, retentionDays: 30 } });
    expect(sourceOf(provenance, ["delegation", "zone"])).toBe("deployment");
    // The same variant merges as before.
    expect(deepMerge({ d: { kind: "a", x: 1 } }, { d: { kind: "a", y: 2 } })).toEqual({ d: { kind: "a", x: 1, y: 2 } });
  });

  it("does not mutate its inputs", () => {
    const base = { a: { b: 1 } };
    deepMerge(base, { a: { b: 2 } });
    expect(base).toEqual({ a: { b: 1 } });
  });

  it("rejects a layer that is not an object, naming it", () => {
    expect(() => mergeLayers([{ source: "env.ts", values: [1] }])).toThrow(/env.ts must be an object, got: \[1\]/);
  });
});
