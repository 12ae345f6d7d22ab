import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantEdge } from "./fixtures";
import { cloudfrontWaf as rule } from "./cloudfront-waf";

describe("INF-CF-003 CloudFront WAF", () => {
  it("Compliance: a CLOUDFRONT-scope ACL passes", () => {
    expect(statuses(rule, compliantEdge())).toEqual({ "aws_cloudfront_distribution.cdn": "passed" });
  });

  it("Noncompliance: a REGIONAL ACL, and no ACL, fail", () => {
    const tf = clone(compliantEdge());
    tf["aws_cloudfront_distribution"]!["cdn"]!["web_acl_id"] = "${aws_wafv2_web_acl.regional.arn}";
    tf["aws_cloudfront_distribution"]!["bare"] = {};
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-CF-003",
        address: "aws_cloudfront_distribution.cdn",
        attribute: "aws_wafv2_web_acl.regional.scope",
        found: "REGIONAL",
        expected: "CLOUDFRONT",
      },
      {
        rule: "INF-CF-003",
        address: "aws_cloudfront_distribution.bare",
        attribute: "web_acl_id",
        found: "unset",
        expected: "a WAFv2 web ACL with scope CLOUDFRONT",
      },
    ]);
  });
});
