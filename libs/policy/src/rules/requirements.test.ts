import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { CMK } from "./helpers";
import { mustBeCmk, mustBeOneOf, mustBeTrue, requirementRule } from "./requirements";

const rule = requirementRule({
  id: "INF-TEST-001",
  title: "a test rule",
  mirrors: [],
  catalogue: [],
  resourceTypes: ["aws_thing"],
  severity: "low",
  appliesTo: (thing) => thing.values["skip"] === undefined,
  requires: [mustBeTrue("options.enabled"), mustBeOneOf("mode", ["A", "B"]), mustBeCmk("kms_key_id")],
});

describe("requirementRule", () => {
  it("keeps the metadata and appliesTo, and builds check from the requirements", () => {
    expect(rule).toMatchObject({ id: "INF-TEST-001", title: "a test rule", resourceTypes: ["aws_thing"], severity: "low" });
    expect(Object.keys(rule)).not.toContain("requires");
  });

  it("passes a resource that meets every requirement; one that appliesTo rejects is not checked", () => {
    const tf = {
      aws_kms_key: { k: {} },
      aws_thing: { ok: { options: [{ enabled: "true" }], mode: "B", kms_key_id: "${aws_kms_key.k.arn}" }, skipped: { skip: true } },
    };
    expect(statuses(rule, tf)).toEqual({ "aws_thing.ok": "passed" });
  });

  it("reports one finding per unmet requirement, in the order they are listed", () => {
    const tf = { aws_thing: { bad: { options: { enabled: false }, mode: "C", kms_key_id: "alias/aws/thing" } } };
    const at = { rule: "INF-TEST-001", address: "aws_thing.bad" };
    expect(failures(rule, tf)).toEqual([
      { ...at, attribute: "options.enabled", found: "false", expected: "true" },
      { ...at, attribute: "mode", found: "C", expected: "one of A, B" },
      { ...at, attribute: "kms_key_id", found: "alias/aws/thing", expected: CMK },
    ]);
  });
});
