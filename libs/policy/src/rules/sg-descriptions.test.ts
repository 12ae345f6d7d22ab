import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { sgDescriptions as rule } from "./sg-descriptions";

const EXPECTED = "a description saying why the rule exists";

describe("INF-SG-004 descriptions", () => {
  it("Compliance: described groups and rules pass", () => {
    const tf = {
      aws_security_group: { web: { description: "ALB", ingress: [{ description: "HTTPS", protocol: "tcp", from_port: 443, to_port: 443 }] } },
      aws_vpc_security_group_egress_rule: { out: { description: "to app" } },
    };
    expect(statuses(rule, tf)).toEqual({ "aws_security_group.web": "passed", "aws_vpc_security_group_egress_rule.out": "passed" });
  });

  it("Noncompliance: the Terraform default text, an undescribed inline rule and rule resource fail", () => {
    const tf = {
      aws_security_group: { web: { description: "Managed by Terraform", egress: [{ protocol: "-1" }] } },
      aws_security_group_rule: { r: { type: "ingress", description: "" } },
    };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-SG-004", address: "aws_security_group.web", attribute: "description", found: "Managed by Terraform", expected: EXPECTED },
      { rule: "INF-SG-004", address: "aws_security_group.web", attribute: "egress[0].description", found: "unset", expected: EXPECTED },
      { rule: "INF-SG-004", address: "aws_security_group_rule.r", attribute: "description", found: "", expected: EXPECTED },
    ]);
  });
});
