import { describe, expect, it } from "vitest";
import { fixture, fixtureText } from "./fixtures";
import { PlanFormatError, changeKind, parsePlanJson, summarizePlan } from "./summarize";

describe("changeKind", () => {
  it.each([
    [["create"], "create"],
    [["update"], "update"],
    [["delete"], "delete"],
    [["delete", "create"], "replace"],
    [["create", "delete"], "replace"],
    [["no-op"], "no-op"],
    [["read"], "read"],
    [["forget"], "forget"],
    [["create", "forget"], "create-forget"],
  ])("%j is %s", (actions, kind) => {
    expect(changeKind(actions)).toBe(kind);
  });

  it("does not recognise undocumented combinations", () => {
    expect(changeKind(["update", "delete"])).toBeUndefined();
    expect(changeKind([])).toBeUndefined();
  });
});

describe("summarizePlan", () => {
  it("counts creates, and data sources read during apply apart from changes", () => {
    const s = summarizePlan(fixture("create.json"));
    expect(s).toMatchObject({ adds: 2, changes: 0, destroys: 0, replaces: 0, reads: 1, outputChanges: 1, hasChanges: true, errored: false });
    expect(s.formatVersion).toBe("1.2");
    expect(s.terraformVersion).toBe("1.10.5");
    expect(s.resources.find((r) => r.mode === "data")).toEqual({
      address: "data.aws_iam_policy_document.flow_logs_assume",
      kind: "read",
      mode: "data",
      reason: "read_because_config_unknown",
    });
  });

  it("counts every kind of change in a mixed plan; replacements only once", () => {
    const s = summarizePlan(fixture("mixed.json"));
    expect(s).toMatchObject({ adds: 0, changes: 3, destroys: 1, replaces: 2, forgets: 1, imports: 2, moved: 1, reads: 0, outputChanges: 2 });
    expect(s.hasChanges).toBe(true);
    // the no-op KMS key is left out; the moved bucket and imported zone (both no-op) are kept
    expect(s.resources.map((r) => r.address)).not.toContain("aws_kms_key.data_key");
    expect(s.resources).toHaveLength(9);
  });

  it("records why and where a resource is replaced, moved or imported", () => {
    const byAddress = new Map(summarizePlan(fixture("mixed.json")).resources.map((r) => [r.address, r]));
    expect(byAddress.get("aws_instance.bastion_4A5B6C7D")).toMatchObject({ kind: "replace", reason: "replace_because_cannot_update", replacePaths: ["ami"] });
    expect(byAddress.get("aws_launch_template.ecs_lt_11223344")?.replacePaths).toEqual(["name_prefix", "block_device_mappings[0].ebs.volume_size"]);
    expect(byAddress.get("aws_s3_bucket.logs_bucket_AB12CD34")).toMatchObject({ kind: "no-op", previousAddress: "aws_s3_bucket.logs" });
    expect(byAddress.get("aws_route53_zone.main_zone")).toMatchObject({ kind: "no-op", importing: true });
    expect(byAddress.get("aws_ecr_repository.api_repo")).toMatchObject({ kind: "update", importing: true });
    expect(byAddress.get("aws_cloudwatch_log_group.legacy_lg")).toMatchObject({ kind: "delete", reason: "delete_because_no_resource_config" });
  });

  it("counts create-then-forget as an add and a forget", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [{ address: "aws_iam_role.r", change: { actions: ["create", "forget"] } }],
    };
    expect(summarizePlan(plan)).toMatchObject({ adds: 1, forgets: 1, replaces: 0, hasChanges: true });
  });

  it("reports an empty plan (no state, no resource_changes key) as no changes", () => {
    const s = summarizePlan(fixture("empty.json"));
    expect(s).toMatchObject({ adds: 0, changes: 0, destroys: 0, replaces: 0, outputChanges: 0, hasChanges: false, resources: [] });
  });

  it("reports a plan of only no-ops (resources and outputs) as no changes", () => {
    const s = summarizePlan(fixture("noop.json"));
    expect(s.hasChanges).toBe(false);
    expect(s.resources).toEqual([]);
  });

  it("counts drift found while refreshing", () => {
    const s = summarizePlan(fixture("drift.json"));
    expect(s).toMatchObject({ drifted: 1, changes: 1, hasChanges: true });
  });

  it("flags a plan that errored part-way", () => {
    expect(summarizePlan(fixture("errored.json")).errored).toBe(true);
  });
});

describe("invalid input", () => {
  it("names the file when the JSON is malformed", () => {
    expect(() => parsePlanJson(fixtureText("malformed.json"), "plans/dev/dev-us-east-1-network-vpc.json")).toThrow(
      /^plans\/dev\/dev-us-east-1-network-vpc\.json: not valid JSON .*terraform show -json <planfile>/,
    );
    expect(() => parsePlanJson(fixtureText("malformed.json"))).toThrow(PlanFormatError);
  });

  it("refuses state JSON with a hint", () => {
    expect(() => summarizePlan(fixture("state.json"), "s.json")).toThrow("s.json: this is a state file rendered as JSON, not a plan");
  });

  it("refuses an unsupported major format version", () => {
    expect(() => summarizePlan(fixture("future.json"))).toThrow('unsupported format_version "2.0"');
  });

  it.each([
    [null, "expected a JSON object, got object"],
    [[], "expected a JSON object, got an array"],
    [{}, "missing `format_version`"],
    [{ format_version: "1.2", resource_changes: {} }, "`resource_changes` must be an array"],
    [{ format_version: "1.2", resource_changes: [{ change: { actions: ["create"] } }] }, "resource_changes[0] has no `address`"],
    [{ format_version: "1.2", resource_changes: [{ address: "a.b", change: {} }] }, "resource_changes[0] (a.b) has no `change.actions` array"],
    [{ format_version: "1.2", resource_changes: [{ address: "a.b", change: { actions: ["explode"] } }] }, 'unknown actions ["explode"]'],
    [{ format_version: "1.2", output_changes: { x: {} } }, "output_changes.x has no `actions` array"],
  ])("rejects %j", (value, message) => {
    expect(() => summarizePlan(value, "p.json")).toThrow(message);
  });
});
