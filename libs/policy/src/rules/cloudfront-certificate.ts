import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";

export const CLOUDFRONT_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

/** The default *.cloudfront.net certificate allows TLS 1.0; our own ACM cert lets us pin 1.2+. */
export const cloudfrontCertificate: PolicyRule = {
  id: "INF-CF-002",
  title: "CloudFront uses an ACM certificate, SNI, and TLSv1.2_2021 or newer",
  mirrors: ["CKV_AWS_174", "AwsSolutions-CFR4"],
  catalogue: [32],
  resourceTypes: ["aws_cloudfront_distribution"],
  severity: "medium",
  check(distribution) {
    const v = distribution.values;
    const out = [];
    if (!get(v, "viewer_certificate.acm_certificate_arn"))
      out.push(finding("viewer_certificate.acm_certificate_arn", undefined, "an ACM certificate (not the default CloudFront certificate)"));
    if (get(v, "viewer_certificate.ssl_support_method") !== "sni-only")
      out.push(finding("viewer_certificate.ssl_support_method", get(v, "viewer_certificate.ssl_support_method"), "sni-only"));
    const version = get(v, "viewer_certificate.minimum_protocol_version");
    if (!CLOUDFRONT_TLS.includes(version as string)) out.push(finding("viewer_certificate.minimum_protocol_version", version, CLOUDFRONT_TLS.join(" or ")));
    return out;
  },
};
