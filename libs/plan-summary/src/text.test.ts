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
    const text = renderPlanText(plan("create.json"));
    expect(text).toContain("# aws_vpc.network_vpc_9F2A1C3B will be created");
    expect(text).toContain('+ resource "aws_vpc" "network_vpc_9F2A1C3B" {');
    expect(text).toContain('+ cidr_block = "10.10.0.0/16"');
    expect(text).toContain("+ id = (known after apply)");
    expect(text).toContain("# data.aws_iam_policy_document.flow_logs_assume will be read during apply");
    expect(text).toContain('<= data "aws_iam_policy_document" "flow_logs_assume" {');
    expect(text).toContain("+ vpc_id = (known after apply)");
  });

  it("shows only changed attributes of an update, and what forces a replacement", () => {
    const text = renderPlanText(plan("mixed.json"));
    expect(text).toContain('~ tags = { Owner = "platform" } -> { Owner = "platform", CostCenter = "1234" }');
    expect(text).not.toContain('~ description');
    expect(text).toContain('~ ami = "ami-0aaa1111" -> "ami-0bbb2222" # forces replacement');
    expect(text).toContain('~ id = "i-0123456789abcdef0" -> (known after apply)');
    expect(text).toContain('-/+ resource "aws_instance" "bastion_4A5B6C7D" {');
    expect(text).toContain('+/- resource "aws_launch_template" "ecs_lt_11223344" {');
    expect(text).toContain("# aws_instance.bastion_4A5B6C7D must be replaced");
    expect(text).toContain("# (reason: replace_because_cannot_update)");
    expect(text).toContain('- retention_in_days = 7');
    expect(text).toContain("# aws_s3_bucket.logs_bucket_AB12CD34 has moved");
    expect(text).toContain("# (moved from aws_s3_bucket.logs)");
    expect(text).toContain('# (imported from "Z0123456789")');
    expect(text).toContain("# aws_iam_role.old_ci_role will no longer be managed by Terraform");
    expect(text).not.toContain("aws_kms_key.data_key");
  });

  it("never prints a sensitive value, in resources or outputs", () => {
    const text = renderPlanText(plan("mixed.json"));
    expect(text).not.toMatch(/s3cr3t/);
    expect(text).toContain("~ password = (sensitive value) -> (sensitive value)");
    expect(text).toContain("~ db_password = (sensitive value) -> (sensitive value)");
    expect(text).toContain('~ bastion_ami = "ami-0aaa1111" -> "ami-0bbb2222"');
    expect(text).not.toContain("db_endpoint");
  });

  it("says so when there is nothing to do", () => {
    expect(renderPlanText(plan("empty.json"))).toBe("No changes. Your infrastructure matches the configuration.");
    expect(renderPlanText(plan("noop.json"))).toBe("No changes. Your infrastructure matches the configuration.");
  });
});
