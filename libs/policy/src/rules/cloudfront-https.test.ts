import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantEdge } from "./fixtures";
import { cloudfrontHttps as rule } from "./cloudfront-https";

describe("INF-CF-001 HTTPS and HSTS", () => {
  it("Compliance: redirect/https-only behaviours with our HSTS policy or the managed one pass", () => {
    expect(statuses(rule, compliantEdge())).toEqual({ "aws_cloudfront_distribution.cdn": "passed" });
  });

  it("Noncompliance: allow-all and a headers policy without HSTS fail", () => {
    const tf = clone(compliantEdge());
    const cdn = tf["aws_cloudfront_distribution"]!["cdn"]!;
    cdn["ordered_cache_behavior"] = [{ path_pattern: "/x", viewer_protocol_policy: "allow-all" }];
    tf["aws_cloudfront_response_headers_policy"]!["sec"] = { cors_config: {} };
    const at = { rule: "INF-CF-001", address: "aws_cloudfront_distribution.cdn" };
    const hsts = "a response headers policy with strict_transport_security";
    expect(failures(rule, tf)).toEqual([
      { ...at, attribute: "default_cache_behavior.response_headers_policy_id", found: "${aws_cloudfront_response_headers_policy.sec.id}", expected: hsts },
      { ...at, attribute: "ordered_cache_behavior[0].viewer_protocol_policy", found: "allow-all", expected: "redirect-to-https or https-only" },
      { ...at, attribute: "ordered_cache_behavior[0].response_headers_policy_id", found: "unset", expected: hsts },
    ]);
  });
});
