import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { cloudfrontHttps as rule } from "./cloudfront-https";

const at = { address: "aws_cloudfront_distribution.cdn" };
const hsts = "a response headers policy with strict_transport_security";

ruleCases(rule, "INF-CF-001 HTTPS and HSTS", {
  fixture: compliantEdge,
  compliant: { name: "redirect/https-only behaviours with our HSTS policy or the managed one pass", statuses: { "aws_cloudfront_distribution.cdn": "passed" } },
  noncompliant: [
    {
      name: "allow-all and a headers policy without HSTS fail",
      mutate: (tf) => {
        const cdn = tf["aws_cloudfront_distribution"]!["cdn"]!;
        cdn["ordered_cache_behavior"] = [{ path_pattern: "/x", viewer_protocol_policy: "allow-all" }];
        tf["aws_cloudfront_response_headers_policy"]!["sec"] = { cors_config: {} };
      },
      failures: [
        { ...at, attribute: "default_cache_behavior.response_headers_policy_id", found: "${aws_cloudfront_response_headers_policy.sec.id}", expected: hsts },
        { ...at, attribute: "ordered_cache_behavior[0].viewer_protocol_policy", found: "allow-all", expected: "redirect-to-https or https-only" },
        { ...at, attribute: "ordered_cache_behavior[0].response_headers_policy_id", found: "unset", expected: hsts },
      ],
    },
  ],
});
