import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantEdge } from "./fixtures";
import { cloudfrontCertificate as rule } from "./cloudfront-certificate";

describe("INF-CF-002 viewer certificate", () => {
  it("Compliance: ACM, SNI and TLSv1.2_2021 pass", () => {
    expect(statuses(rule, compliantEdge())).toEqual({ "aws_cloudfront_distribution.cdn": "passed" });
  });

  it("Noncompliance: the default CloudFront certificate fails on all three", () => {
    const tf = clone(compliantEdge());
    tf["aws_cloudfront_distribution"]!["cdn"]!["viewer_certificate"] = { cloudfront_default_certificate: true };
    const at = { rule: "INF-CF-002", address: "aws_cloudfront_distribution.cdn" };
    expect(failures(rule, tf)).toEqual([
      { ...at, attribute: "viewer_certificate.acm_certificate_arn", found: "unset", expected: "an ACM certificate (not the default CloudFront certificate)" },
      { ...at, attribute: "viewer_certificate.ssl_support_method", found: "unset", expected: "sni-only" },
      { ...at, attribute: "viewer_certificate.minimum_protocol_version", found: "unset", expected: "TLSv1.2_2021 or TLSv1.2_2025 or TLSv1.3_2025" },
    ]);
  });
});
