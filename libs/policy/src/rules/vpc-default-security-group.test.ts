import { ruleCases } from "../rule-cases";
import { vpcDefaultSecurityGroup as rule } from "./vpc-default-security-group";

ruleCases(rule, "INF-VPC-002 default security group", {
  compliant: {
    name: "an adopted default SG with no rules passes",
    input: () => ({ aws_vpc: { main: {} }, aws_default_security_group: { d: { vpc_id: "${aws_vpc.main.id}" } } }),
    statuses: {
      "aws_vpc.main": "passed",
    },
  },
  noncompliant: [
    {
      name: "a default SG with egress, and a VPC with none, fail",
      input: () => ({
        aws_vpc: { main: {}, other: {} },
        aws_default_security_group: {
          d: { vpc_id: "${aws_vpc.main.id}", ingress: [], egress: [{ protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"] }] },
        },
      }),
      failures: [
        { address: "aws_vpc.main", attribute: "aws_default_security_group.d.egress", found: "1 rule(s)", expected: "no rules" },
        {
          address: "aws_vpc.other",
          attribute: "aws_default_security_group",
          found: "unset",
          expected: "one for this VPC with no ingress and no egress rules",
        },
      ],
    },
  ],
});
