import { ruleCases } from "../rule-cases";
import { lbListenerTls as rule } from "./lb-listener-tls";

ruleCases(rule, "INF-LB-001 listener TLS", {
  compliant: {
    name: "HTTPS with TLS13-1-2 and an HTTP redirect pass; an NLB TCP listener is not checked",
    input: () => ({
      aws_lb: { alb: {}, nlb: { load_balancer_type: "network" } },
      aws_lb_listener: {
        https: { load_balancer_arn: "${aws_lb.alb.arn}", protocol: "HTTPS", port: 443, ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
        http: {
          load_balancer_arn: "${aws_lb.alb.arn}",
          protocol: "HTTP",
          port: 80,
          default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
        },
        tcp: { load_balancer_arn: "${aws_lb.nlb.arn}", port: 5432 },
      },
    }),
    statuses: { "aws_lb_listener.https": "passed", "aws_lb_listener.http": "passed" },
  },
  noncompliant: [
    {
      name: "the default SSL policy and an HTTP listener that forwards fail",
      input: () => ({
        aws_lb: { alb: {} },
        aws_lb_listener: {
          https: { load_balancer_arn: "${aws_lb.alb.arn}", protocol: "HTTPS" },
          http: { load_balancer_arn: "${aws_lb.alb.arn}", default_action: [{ type: "forward", target_group_arn: "x" }] },
        },
      }),
      failures: [
        {
          address: "aws_lb_listener.https",
          attribute: "ssl_policy",
          found: "unset",
          expected: "a TLS 1.2+ policy, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 (unset means ELBSecurityPolicy-2016-08)",
        },
        { address: "aws_lb_listener.http", attribute: "default_action", found: "forward", expected: "a redirect to HTTPS" },
      ],
    },
  ],
});
