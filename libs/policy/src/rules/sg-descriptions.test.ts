import { ruleCases } from "../rule-cases";
import { sgDescriptions as rule } from "./sg-descriptions";

const EXPECTED = "a description saying why the rule exists";

ruleCases(rule, "INF-SG-004 descriptions", {
  compliant: {
    name: "described groups and rules pass",
    input: () => ({
      aws_security_group: { web: { description: "ALB", ingress: [{ description: "HTTPS", protocol: "tcp", from_port: 443, to_port: 443 }] } },
      aws_vpc_security_group_egress_rule: { out: { description: "to app" } },
    }),
    statuses: { "aws_security_group.web": "passed", "aws_vpc_security_group_egress_rule.out": "passed" },
  },
  noncompliant: [
    {
      name: "the Terraform default text, an undescribed inline rule and rule resource fail",
      input: () => ({
        aws_security_group: { web: { description: "Managed by Terraform", egress: [{ protocol: "-1" }] } },
        aws_security_group_rule: { r: { type: "ingress", description: "" } },
      }),
      failures: [
        { address: "aws_security_group.web", attribute: "description", found: "Managed by Terraform", expected: EXPECTED },
        { address: "aws_security_group.web", attribute: "egress[0].description", found: "unset", expected: EXPECTED },
        { address: "aws_security_group_rule.r", attribute: "description", found: "", expected: EXPECTED },
      ],
    },
  ],
});
