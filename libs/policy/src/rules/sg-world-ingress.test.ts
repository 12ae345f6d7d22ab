import { ruleCases } from "../rule-cases";
import { sgWorldIngress as rule } from "./sg-world-ingress";

const EXPECTED = "only tcp 443 (or 80 for the redirect) from the internet";

ruleCases(rule, "INF-SG-002 world-open ingress", {
  compliant: {
    name: "tcp 443 and 80 from the world pass",
    input: () => ({
      aws_security_group: { alb: { ingress: [{ protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["0.0.0.0/0"] }] } },
      aws_vpc_security_group_ingress_rule: { http: { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ipv4: "0.0.0.0/0" } },
    }),
    statuses: { "aws_security_group.alb": "passed", "aws_vpc_security_group_ingress_rule.http": "passed" },
  },
  noncompliant: [
    {
      name: "all protocols and a port range from the world fail",
      input: () => ({
        aws_vpc_security_group_ingress_rule: { any: { ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" } },
        aws_security_group_rule: { range: { type: "ingress", protocol: "tcp", from_port: 443, to_port: 8443, ipv6_cidr_blocks: ["::/0"] } },
      }),
      failures: [
        {
          address: "aws_security_group_rule.range",
          attribute: "aws_security_group_rule.range",
          found: "tcp 443-8443 from ::/0",
          expected: EXPECTED,
        },
        {
          address: "aws_vpc_security_group_ingress_rule.any",
          attribute: "aws_vpc_security_group_ingress_rule.any",
          found: "all traffic from 0.0.0.0/0",
          expected: EXPECTED,
        },
      ],
    },
  ],
});
