import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures";
import { assertPlan } from "./summarize";
import { renderPlanText } from "./text";
import type { TerraformPlanJson } from "./types";
import { formatValue, redact } from "./values";

function plan(name: string): TerraformPlanJson {
  const value = fixture(name);
  assertPlan(value);
  return value;
}

/** Each line must appear in the rendered plan (`absent`: must not). */
function expectLines(text: string, present: readonly string[], absent: readonly string[] = []): void {
  for (const line of present) expect(text).toContain(line);
  for (const line of absent) expect(text).not.toContain(line);
}

describe("redact", () => {
  it("masks sensitive leaves, whole subtrees and unknown values; sensitivity wins", () => {
    const value = { user: "admin", password: "hunter2", nested: { token: "t0k", keep: 1 }, list: ["a", "b"] };
    const sensitive = { password: true, nested: { token: true }, list: [false, true] };
    const unknown = { arn: true, password: true };
    expect(formatValue(redact(value, sensitive, unknown))).toBe(
      '{ user = "admin", password = (sensitive value), nested = { token = (sensitive value), keep = 1 }, list = ["a", (sensitive value)], arn = (known after apply) }',
    );
    expect(formatValue(redact("anything", true))).toBe("(sensitive value)");
  });
});

describe("renderPlanText", () => {
  it("renders creates with unknown values and data reads", () => {
    expectLines(renderPlanText(plan("create.json")), [
      "# aws_vpc.network_vpc_9F2A1C3B will be created",
      '+ resource "aws_vpc" "network_vpc_9F2A1C3B" {',
      '+ cidr_block = "10.10.0.0/16"',
      "+ id = (known after apply)",
      "# data.aws_iam_policy_document.flow_logs_assume will be read during apply",
      '<= data "aws_iam_policy_document" "flow_logs_assume" {',
      "+ vpc_id = (known after apply)",
    ]);
  });

  it("shows only changed attributes of an update, and what forces a replacement", () => {
    expectLines(
      renderPlanText(plan("mixed.json")),
      [
        '~ tags = { Owner = "platform" } -> { Owner = "platform", CostCenter = "1234" }',
        '~ ami = "ami-0aaa1111" -> "ami-0bbb2222" # forces replacement',
        '~ id = "i-0123456789abcdef0" -> (known after apply)',
        '-/+ resource "aws_instance" "bastion_4A5B6C7D" {',
        '+/- resource "aws_launch_template" "ecs_lt_11223344" {',
        "# aws_instance.bastion_4A5B6C7D must be replaced",
        "# (reason: replace_because_cannot_update)",
        "- retention_in_days = 7",
        "# aws_s3_bucket.logs_bucket_AB12CD34 has moved",
        "# (moved from aws_s3_bucket.logs)",
        '# (imported from "Z0123456789")',
        "# aws_iam_role.old_ci_role will no longer be managed by Terraform",
      ],
      ["~ description", "aws_kms_key.data_key"],
    );
  });

  it("never prints a sensitive value, in resources or outputs", () => {
    const text = renderPlanText(plan("mixed.json"));
    expect(text).not.toMatch(/s3cr3t/);
    expectLines(
      text,
      [
        "~ password = (sensitive value) -> (sensitive value)",
        "~ db_password = (sensitive value) -> (sensitive value)",
        '~ bastion_ami = "ami-0aaa1111" -> "ami-0bbb2222"',
      ],
      ["db_endpoint"],
    );
  });

  it.each(["empty.json", "noop.json"])("says so when there is nothing to do (%s)", (name) => {
    expect(renderPlanText(plan(name))).toBe("No changes. Your infrastructure matches the configuration.");
  });
});
