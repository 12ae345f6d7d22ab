import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { lbWaf as rule } from "./lb-waf";

ruleCases(rule, "INF-LB-004 ALB WAF", {
  fixture: compliantEdge,
  compliant: {
    name: "an associated internet-facing ALB passes; internal ALBs are not checked",
    mutate: (tf) => {
      tf["aws_lb"]!["internal"] = { internal: true };
    },
    statuses: { "aws_lb.alb": "passed" },
  },
  noncompliant: [
    {
      name: "an internet-facing ALB without association fails",
      mutate: (tf) => {
        delete tf["aws_wafv2_web_acl_association"];
      },
      failures: [
        {
          address: "aws_lb.alb",
          attribute: "aws_wafv2_web_acl_association",
          found: "unset",
          expected: "a REGIONAL web ACL associated with this ALB",
        },
      ],
    },
  ],
});
