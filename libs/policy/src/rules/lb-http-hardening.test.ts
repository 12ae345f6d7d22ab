import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { lbHttpHardening as rule } from "./lb-http-hardening";

ruleCases(rule, "INF-LB-002 header and desync hardening", {
  fixture: compliantEdge,
  compliant: {
    name: "dropping invalid headers with the default desync mode passes; NLBs are not checked",
    mutate: (tf) => {
      tf["aws_lb"]!["nlb"] = { load_balancer_type: "network" };
    },
    statuses: { "aws_lb.alb": "passed" },
  },
  noncompliant: [
    {
      name: "keeping invalid headers in monitor mode fails",
      input: () => ({ aws_lb: { alb: { load_balancer_type: "application", desync_mitigation_mode: "monitor" } } }),
      failures: [
        { address: "aws_lb.alb", attribute: "drop_invalid_header_fields", found: "unset", expected: "true" },
        { address: "aws_lb.alb", attribute: "desync_mitigation_mode", found: "monitor", expected: "defensive or strictest" },
      ],
    },
  ],
});
