import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { lbAccessLogs as rule } from "./lb-access-logs";

ruleCases(rule, "INF-LB-005 LB access logs", {
  fixture: compliantEdge,
  compliant: { name: "enabled access logs to a bucket pass", statuses: { "aws_lb.alb": "passed" } },
  noncompliant: [
    {
      name: "disabled logs, and enabled logs without a bucket, fail",
      input: () => ({ aws_lb: { off: { access_logs: { enabled: false, bucket: "b" } }, nobucket: { access_logs: { enabled: true } } } }),
      failures: [
        { address: "aws_lb.off", attribute: "access_logs.enabled", found: "false", expected: "true" },
        { address: "aws_lb.nobucket", attribute: "access_logs.bucket", found: "unset", expected: "the log bucket" },
      ],
    },
  ],
});
