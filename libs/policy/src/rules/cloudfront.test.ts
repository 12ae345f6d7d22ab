/** CloudFront rules (INF-CF-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { cloudfrontCertificate } from "./cloudfront-certificate";
import { cloudfrontHttps } from "./cloudfront-https";
import { cloudfrontLogging } from "./cloudfront-logging";
import { cloudfrontOrigins } from "./cloudfront-origins";
import { cloudfrontWaf } from "./cloudfront-waf";
import { compliantBucket, compliantEdge } from "./fixtures";

const at = { address: "aws_cloudfront_distribution.cdn" };

const hsts = "a response headers policy with strict_transport_security";

ruleCases(cloudfrontHttps, "INF-CF-001 HTTPS and HSTS", {
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

ruleCases(cloudfrontCertificate, "INF-CF-002 viewer certificate", {
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

ruleCases(cloudfrontWaf, "INF-CF-003 CloudFront WAF", {
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

ruleCases(cloudfrontLogging, "INF-CF-004 CloudFront logging", {
  fixture: compliantEdge,
  compliant: {
    name: "a log bucket, or a v2 log delivery source, passes",
    mutate: (tf) => {
      tf["aws_cloudfront_distribution"]!["v2"] = {};
      tf["aws_cloudwatch_log_delivery_source"] = { v2: { log_type: "ACCESS_LOGS", resource_arn: "${aws_cloudfront_distribution.v2.arn}" } };
    },
    statuses: { "aws_cloudfront_distribution.cdn": "passed", "aws_cloudfront_distribution.v2": "passed" },
  },
  noncompliant: [
    {
      name: "no logging fails",
      mutate: (tf) => {
        delete tf["aws_cloudfront_distribution"]!["cdn"]!["logging_config"];
      },
      failures: [
        {
          address: "aws_cloudfront_distribution.cdn",
          attribute: "logging_config.bucket",
          found: "unset",
          expected: "a log bucket (or a log delivery source for standard logging v2)",
        },
      ],
    },
  ],
});

ruleCases(cloudfrontOrigins, "INF-CF-005 origins", {
  fixture: compliantEdge,
  compliant: {
    name: "OAC with a SourceArn-scoped bucket policy, and an https-only TLSv1.2 custom origin, pass",
    statuses: { "aws_cloudfront_distribution.cdn": "passed" },
  },
  noncompliant: [
    {
      name: "a bucket policy without the CloudFront grant, and a custom origin on http with TLSv1, fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_policy"] = compliantBucket()["aws_s3_bucket_policy"]!;
        tf["aws_cloudfront_distribution"]!["cdn"]!["origin"] = [
          (tf["aws_cloudfront_distribution"]!["cdn"]!["origin"] as object[])[0]!,
          {
            origin_id: "api",
            domain_name: "api.example.com",
            custom_origin_config: { origin_protocol_policy: "match-viewer", origin_ssl_protocols: ["TLSv1", "TLSv1.2"] },
          },
        ] as never;
      },
      failures: [
        {
          ...at,
          attribute: "origin[0].domain_name",
          found: "bucket policy without a cloudfront.amazonaws.com grant scoped by AWS:SourceArn",
          expected: "a bucket policy allowing cloudfront.amazonaws.com with condition AWS:SourceArn",
        },
        { ...at, attribute: "origin[1].custom_origin_config.origin_protocol_policy", found: "match-viewer", expected: "https-only" },
        { ...at, attribute: "origin[1].custom_origin_config.origin_ssl_protocols", found: '["TLSv1","TLSv1.2"]', expected: '["TLSv1.2"]' },
      ],
    },
    {
      name: "an S3 origin without OAC fails",
      input: () => ({
        aws_cloudfront_distribution: {
          cdn: { origin: [{ origin_id: "s3", domain_name: "assets.s3.us-east-1.amazonaws.com", s3_origin_config: { origin_access_identity: "x" } }] },
        },
      }),
      failures: [
        {
          address: "aws_cloudfront_distribution.cdn",
          attribute: "origin[0].origin_access_control_id",
          found: "unset",
          expected: "an origin access control (not a public bucket or legacy OAI)",
        },
      ],
    },
  ],
});
