import { describe, expect, it } from "vitest";
import { preflightFailures, preflightStatuses } from "../test-harness";
import { dependsOnReferences as rule } from "./depends-on";

describe("PRE-TF-001 depends_on references", () => {
  it("Compliance: bare references to resources, data sources and modules of the stack pass (as cdktf renders dependsOn)", () => {
    const tf = {
      aws_ssm_parameter: { agent: { name: "agent", type: "String", value: "{}" } },
      aws_iam_role_policy: { p: { role: "r", policy: "{}" } },
      aws_instance: { host: { ami: "ami-123", depends_on: ["aws_ssm_parameter.agent", "aws_iam_role_policy.p"] } },
    };
    expect(preflightStatuses(rule, tf)).toEqual({ "test/aws_instance.host": "passed" });
  });

  it("Noncompliance: an interpolated entry (a construct's fqn token) and an undeclared resource fail", () => {
    const tf = {
      aws_ssm_parameter: { "agent-config": { name: "agent", type: "String", value: "{}" } },
      aws_instance: { host: { ami: "ami-123", depends_on: ["${aws_ssm_parameter.agent-config}", "aws_iam_role.gone"] } },
    };
    expect(preflightFailures(rule, tf)).toEqual([
      {
        rule: "PRE-TF-001",
        address: "test/aws_instance.host",
        attribute: "depends_on",
        found: "${aws_ssm_parameter.agent-config}",
        expected: '"aws_ssm_parameter.agent-config" (a bare reference: pass the construct, not its fqn token)',
      },
      {
        rule: "PRE-TF-001",
        address: "test/aws_instance.host",
        attribute: "depends_on",
        found: "aws_iam_role.gone",
        expected: "a resource or data source declared in this stack",
      },
    ]);
  });
});
