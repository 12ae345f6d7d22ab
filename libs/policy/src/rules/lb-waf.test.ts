import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantEdge } from "./fixtures";
import { lbWaf as rule } from "./lb-waf";

describe("INF-LB-004 ALB WAF", () => {
  it("Compliance: an associated internet-facing ALB passes; internal ALBs are not checked", () => {
    const tf = clone(compliantEdge());
    tf["aws_lb"]!["internal"] = { internal: true };
    expect(statuses(rule, tf)).toEqual({ "aws_lb.alb": "passed" });
  });

  it("Noncompliance: an internet-facing ALB without association fails", () => {
    const tf = clone(compliantEdge());
    delete tf["aws_wafv2_web_acl_association"];
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-LB-004",
        address: "aws_lb.alb",
        attribute: "aws_wafv2_web_acl_association",
        found: "unset",
        expected: "a REGIONAL web ACL associated with this ALB",
      },
    ]);
  });
});
