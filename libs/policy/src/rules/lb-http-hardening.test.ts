import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantEdge } from "./fixtures";
import { lbHttpHardening as rule } from "./lb-http-hardening";

describe("INF-LB-002 header and desync hardening", () => {
  it("Compliance: dropping invalid headers with the default desync mode passes; NLBs are not checked", () => {
    const tf = clone(compliantEdge());
    tf["aws_lb"]!["nlb"] = { load_balancer_type: "network" };
    expect(statuses(rule, tf)).toEqual({ "aws_lb.alb": "passed" });
  });

  it("Noncompliance: keeping invalid headers in monitor mode fails", () => {
    const tf = { aws_lb: { alb: { load_balancer_type: "application", desync_mitigation_mode: "monitor" } } };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-LB-002", address: "aws_lb.alb", attribute: "drop_invalid_header_fields", found: "unset", expected: "true" },
      { rule: "INF-LB-002", address: "aws_lb.alb", attribute: "desync_mitigation_mode", found: "monitor", expected: "defensive or strictest" },
    ]);
  });
});
