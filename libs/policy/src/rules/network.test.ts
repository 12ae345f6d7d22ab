import { ruleCases } from "../rule-cases";
import { sgAdminPorts as rule } from "./sg-admin-ports";

const EXPECTED = "no world-open ingress covering 22 or 3389 (use SSM Session Manager)";

ruleCases(rule, "INF-SG-001 admin ports", {
  compliant: {
    name: "SSH from a private range and 443 from the world pass",
    input: () => ({
      aws_security_group: {
        web: {
          ingress: [
            { protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["0.0.0.0/0"] },
            { protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["10.0.0.0/8"] },
          ],
        },
      },
      aws_vpc_security_group_ingress_rule: {
        r: { security_group_id: "${aws_security_group.web.id}", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv6: "::/0" },
      },
    }),
    statuses: { "aws_security_group.web": "passed", "aws_vpc_security_group_ingress_rule.r": "passed" },
  },
  noncompliant: [
    {
      name: "a port range covering 22, protocol -1 and RDP over IPv6 fail, in all three rule shapes",
      input: () => ({
        aws_security_group: { web: { ingress: [{ protocol: "tcp", from_port: 0, to_port: 1024, cidr_blocks: ["0.0.0.0/0", "10.0.0.0/8"] }] } },
        aws_security_group_rule: {
          all: { type: "ingress", protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"], security_group_id: "${aws_security_group.web.id}" },
        },
        aws_vpc_security_group_ingress_rule: { rdp: { ip_protocol: "tcp", from_port: 3389, to_port: 3389, cidr_ipv6: "::/0" } },
      }),
      failures: [
        { address: "aws_security_group.web", attribute: "ingress[0]", found: "tcp 0-1024 from 0.0.0.0/0", expected: EXPECTED },
        {
          address: "aws_security_group_rule.all",
          attribute: "aws_security_group_rule.all",
          found: "all traffic from 0.0.0.0/0",
          expected: EXPECTED,
        },
        {
          address: "aws_vpc_security_group_ingress_rule.rdp",
          attribute: "aws_vpc_security_group_ingress_rule.rdp",
          found: "tcp 3389 from ::/0",
          expected: EXPECTED,
        },
      ],
    },
  ],
});
