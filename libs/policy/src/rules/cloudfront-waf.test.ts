import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { cloudfrontWaf as rule } from "./cloudfront-waf";

ruleCases(rule, "INF-CF-003 CloudFront WAF", {
  fixture: compliantEdge,
  compliant: { name: "a CLOUDFRONT-scope ACL passes", statuses: { "aws_cloudfront_distribution.cdn": "passed" } },
  noncompliant: [
    {
      name: "a REGIONAL ACL, and no ACL, fail",
      mutate: (tf) => {
        tf["aws_cloudfront_distribution"]!["cdn"]!["web_acl_id"] = "${aws_wafv2_web_acl.regional.arn}";
        tf["aws_cloudfront_distribution"]!["bare"] = {};
      },
      failures: [
        {
          address: "aws_cloudfront_distribution.cdn",
          attribute: "aws_wafv2_web_acl.regional.scope",
          found: "REGIONAL",
          expected: "CLOUDFRONT",
        },
        {
          address: "aws_cloudfront_distribution.bare",
          attribute: "web_acl_id",
          found: "unset",
          expected: "a WAFv2 web ACL with scope CLOUDFRONT",
        },
      ],
    },
  ],
});
