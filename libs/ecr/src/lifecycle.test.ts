import { describe, expect, it } from "vitest";
import { renderLifecyclePolicy } from "./lifecycle";

describe("renderLifecyclePolicy", () => {
  it("numbers priorities in order and puts keepLastAny last", () => {
    const doc = JSON.parse(
      renderLifecyclePolicy([
        { kind: "expireUntagged", days: 1, description: "untagged" },
        { kind: "keepLastAny", count: 100 },
      ]),
    );
    expect(doc.rules.map((r: { rulePriority: number }) => r.rulePriority)).toEqual([1, 2]);
    expect(doc.rules[0].description).toBe("untagged");
    expect(doc.rules[1]).toEqual({
      rulePriority: 2,
      description: "Keep the last 100 images",
      selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 100 },
      action: { type: "expire" },
    });
  });

  it("is deterministic", () => {
    const rules = [{ kind: "keepLastTagged", count: 5, tagPrefixes: ["release-"] }] as const;
    expect(renderLifecyclePolicy(rules)).toBe(renderLifecyclePolicy(rules));
  });

  it("rejects bad rules with a message", () => {
    expect(() => renderLifecyclePolicy([])).toThrow("needs at least one rule");
    expect(() =>
      renderLifecyclePolicy([
        { kind: "keepLastAny", count: 3 },
        { kind: "expireUntagged", days: 1 },
      ]),
    ).toThrow("keepLastAny (tagStatus any) must be the last rule");
    expect(() => renderLifecyclePolicy([{ kind: "expireUntagged", days: 0 }])).toThrow("expireUntagged.days must be a positive integer, got 0");
    expect(() => renderLifecyclePolicy([{ kind: "keepLastTagged", count: 2.5 }])).toThrow("keepLastTagged.count must be a positive integer");
    expect(() => renderLifecyclePolicy([{ kind: "keepLastTagged", count: 2, tagPrefixes: [""] }])).toThrow("empty strings");
  });
});
