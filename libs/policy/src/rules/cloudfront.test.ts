import { ruleCases } from "../rule-cases";
import { compliantBucket, compliantEdge } from "./fixtures";
import { cloudfrontOrigins as rule } from "./cloudfront-origins";

const at = { address: "aws_cloudfront_distribution.cdn" };

ruleCases(rule, "INF-CF-005 origins", {
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
