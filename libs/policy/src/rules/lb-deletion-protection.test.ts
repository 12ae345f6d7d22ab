import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { lbDeletionProtection as rule } from "./lb-deletion-protection";

ruleCases(rule, "INF-LB-003 LB deletion protection", {
  fixture: compliantEdge,
  compliant: { name: "a protected LB passes", statuses: { "aws_lb.alb": "passed" } },
  noncompliant: [
    {
      name: "an unprotected LB fails",
      input: () => ({ aws_alb: { old: { enable_deletion_protection: false } } }),
      failures: [{ address: "aws_alb.old", attribute: "enable_deletion_protection", found: "false", expected: "true" }],
    },
  ],
});
