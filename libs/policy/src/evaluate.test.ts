import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { PolicyRule } from "./types";

const rule = (check: PolicyRule["check"], appliesTo?: PolicyRule["appliesTo"]): PolicyRule => ({
  id: "INF-TEST-001",
  title: "test",
  mirrors: [],
  catalogue: [],
  resourceTypes: ["aws_thing"],
  severity: "low",
  check,
  ...(appliesTo ? { appliesTo } : {}),
});
const tf = { resource: { aws_thing: { a: { on: true }, b: { on: false } } }, data: { aws_thing: { d: {} } } };

describe("evaluate", () => {
  it("checks managed resources only, skipping those a rule does not apply to", () => {
    const report = evaluate(tf, {
      stack: "s",
      today: "2026-06-01",
      rules: [
        rule(
          () => [],
          (r) => r.values["on"] === true,
        ),
      ],
    });
    expect(report.results.map((r) => [r.address, r.status])).toEqual([["aws_thing.a", "passed"]]);
    expect(report.resources).toBe(2);
  });

  it("turns a crashing rule into a failure instead of a silent pass", () => {
    const report = evaluate(tf, {
      stack: "s",
      today: "2026-06-01",
      rules: [
        rule(() => {
          throw new Error("boom");
        }),
      ],
    });
    expect(report.results.map((r) => [r.address, r.status, r.findings])).toEqual([
      ["aws_thing.a", "failed", [{ attribute: "(rule)", found: "rule crashed: boom", expected: "the rule to evaluate" }]],
      ["aws_thing.b", "failed", [{ attribute: "(rule)", found: "rule crashed: boom", expected: "the rule to evaluate" }]],
    ]);
  });

  it("uses the first matching waiver and reports the others as unused", () => {
    const failing = rule(() => [{ attribute: "on", found: "x", expected: "y" }]);
    const waivers = [
      { rule: "INF-TEST-001", address: "aws_thing.*", reason: "first" },
      { rule: "INF-TEST-001", address: "aws_thing.a", reason: "second" },
      { rule: "INF-OTHER-001", address: "*", reason: "other rule" },
    ];
    const report = evaluate(tf, { stack: "s", today: "2026-06-01", waivers, rules: [failing] });
    expect(report.results.map((r) => [r.address, r.status, r.waiver?.reason])).toEqual([
      ["aws_thing.a", "waived", "first"],
      ["aws_thing.b", "waived", "first"],
    ]);
    expect(report.unusedWaivers.map((w) => w.reason)).toEqual(["second", "other rule"]);
  });

  it("refuses a malformed evaluation date", () => {
    expect(() => evaluate(tf, { stack: "s", today: "06/01/2026", rules: [] })).toThrow('policy: today must be a YYYY-MM-DD date, got "06/01/2026"');
  });
});
