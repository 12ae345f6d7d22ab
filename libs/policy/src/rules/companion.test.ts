import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { companionRule } from "./companion";
import { finding } from "./helpers";

const rule = companionRule({
  id: "INF-TEST-002",
  title: "a thing has a settings companion that enables it",
  mirrors: [],
  catalogue: [],
  resourceTypes: ["aws_thing"],
  severity: "low",
  companion: { type: "aws_thing_settings", attribute: "thing", missing: (thing) => `settings for ${String(thing.values["name"])}` },
  checkCompanion: (settings, thing) =>
    settings.values["enabled"] === true ? [] : [finding("enabled", settings.values["enabled"], `true (for ${thing.address})`)],
});

describe("companionRule", () => {
  it("checks the companion that references the subject; an unreferenced companion does not count", () => {
    const tf = {
      aws_thing: { a: { name: "a" }, b: { name: "b" } },
      aws_thing_settings: { a: { thing: "${aws_thing.a.id}", enabled: true }, stray: { thing: "b", enabled: true } },
    };
    expect(statuses(rule, tf)).toEqual({ "aws_thing.a": "passed", "aws_thing.b": "failed" });
  });

  it("reports a missing companion by its type, and the companion's findings under its address", () => {
    const tf = { aws_thing: { a: { name: "a" }, b: { name: "b" } }, aws_thing_settings: { s: { thing: "${aws_thing.a.id}", enabled: false } } };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-TEST-002", address: "aws_thing.a", attribute: "aws_thing_settings.s.enabled", found: "false", expected: "true (for aws_thing.a)" },
      { rule: "INF-TEST-002", address: "aws_thing.b", attribute: "aws_thing_settings", found: "unset", expected: "settings for b" },
    ]);
  });
});
