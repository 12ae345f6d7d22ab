import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { vpcDefaultSecurityGroup as rule } from "./vpc-default-security-group";

describe("INF-VPC-002 default security group", () => {
  it("Compliance: an adopted default SG with no rules passes", () => {
    expect(statuses(rule, { aws_vpc: { main: {} }, aws_default_security_group: { d: { vpc_id: "${aws_vpc.main.id}" } } })).toEqual({
      "aws_vpc.main": "passed",
    });
  });

  it("Noncompliance: a default SG with egress, and a VPC with none, fail", () => {
    const tf = {
      aws_vpc: { main: {}, other: {} },
      aws_default_security_group: {
        d: { vpc_id: "${aws_vpc.main.id}", ingress: [], egress: [{ protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"] }] },
      },
    };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-VPC-002", address: "aws_vpc.main", attribute: "aws_default_security_group.d.egress", found: "1 rule(s)", expected: "no rules" },
      {
        rule: "INF-VPC-002",
        address: "aws_vpc.other",
        attribute: "aws_default_security_group",
        found: "unset",
        expected: "one for this VPC with no ingress and no egress rules",
      },
    ]);
  });
});
