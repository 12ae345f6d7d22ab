/** Load balancer rules (INF-LB-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { lbAccessLogs } from "./lb-access-logs";
import { lbDeletionProtection } from "./lb-deletion-protection";
import { lbHttpHardening } from "./lb-http-hardening";
import { lbListenerTls } from "./lb-listener-tls";
import { lbWaf } from "./lb-waf";

ruleCases(lbListenerTls, "INF-LB-001 listener TLS", {
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

ruleCases(lbHttpHardening, "INF-LB-002 header and desync hardening", {
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

ruleCases(lbDeletionProtection, "INF-LB-003 LB deletion protection", {
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

ruleCases(lbWaf, "INF-LB-004 ALB WAF", {
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

ruleCases(lbAccessLogs, "INF-LB-005 LB access logs", {
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
