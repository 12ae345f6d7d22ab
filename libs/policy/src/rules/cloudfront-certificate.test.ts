import { ruleCases } from "../rule-cases";
import { compliantEdge } from "./fixtures";
import { cloudfrontCertificate as rule } from "./cloudfront-certificate";

const at = { address: "aws_cloudfront_distribution.cdn" };

ruleCases(rule, "INF-CF-002 viewer certificate", {
  fixture: compliantEdge,
  compliant: { name: "ACM, SNI and TLSv1.2_2021 pass", statuses: { "aws_cloudfront_distribution.cdn": "passed" } },
  noncompliant: [
    {
      name: "the default CloudFront certificate fails on all three",
      mutate: (tf) => {
        tf["aws_cloudfront_distribution"]!["cdn"]!["viewer_certificate"] = { cloudfront_default_certificate: true };
      },
      failures: [
        { ...at, attribute: "viewer_certificate.acm_certificate_arn", found: "unset", expected: "an ACM certificate (not the default CloudFront certificate)" },
        { ...at, attribute: "viewer_certificate.ssl_support_method", found: "unset", expected: "sni-only" },
        { ...at, attribute: "viewer_certificate.minimum_protocol_version", found: "unset", expected: "TLSv1.2_2021 or TLSv1.2_2025 or TLSv1.3_2025" },
      ],
    },
  ],
});
