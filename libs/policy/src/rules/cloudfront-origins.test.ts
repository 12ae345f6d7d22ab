import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantBucket, compliantEdge } from "./fixtures";
import { cloudfrontOrigins as rule } from "./cloudfront-origins";

describe("INF-CF-005 origins", () => {
  it("Compliance: OAC with a SourceArn-scoped bucket policy, and an https-only TLSv1.2 custom origin, pass", () => {
    expect(statuses(rule, compliantEdge())).toEqual({ "aws_cloudfront_distribution.cdn": "passed" });
  });

  it("Noncompliance: a bucket policy without the CloudFront grant, and a custom origin on http with TLSv1, fail", () => {
    const tf = clone(compliantEdge());
    tf["aws_s3_bucket_policy"] = compliantBucket()["aws_s3_bucket_policy"]!;
    tf["aws_cloudfront_distribution"]!["cdn"]!["origin"] = [
      (tf["aws_cloudfront_distribution"]!["cdn"]!["origin"] as object[])[0]!,
      {
        origin_id: "api",
        domain_name: "api.example.com",
        custom_origin_config: { origin_protocol_policy: "match-viewer", origin_ssl_protocols: ["TLSv1", "TLSv1.2"] },
      },
    ] as never;
    const at = { rule: "INF-CF-005", address: "aws_cloudfront_distribution.cdn" };
    expect(failures(rule, tf)).toEqual([
      {
        ...at,
        attribute: "origin[0].domain_name",
        found: "bucket policy without a cloudfront.amazonaws.com grant scoped by AWS:SourceArn",
        expected: "a bucket policy allowing cloudfront.amazonaws.com with condition AWS:SourceArn",
      },
      { ...at, attribute: "origin[1].custom_origin_config.origin_protocol_policy", found: "match-viewer", expected: "https-only" },
      { ...at, attribute: "origin[1].custom_origin_config.origin_ssl_protocols", found: '["TLSv1","TLSv1.2"]', expected: '["TLSv1.2"]' },
    ]);
  });

  it("Noncompliance: an S3 origin without OAC fails", () => {
    const tf = {
      aws_cloudfront_distribution: {
        cdn: { origin: [{ origin_id: "s3", domain_name: "assets.s3.us-east-1.amazonaws.com", s3_origin_config: { origin_access_identity: "x" } }] },
      },
    };
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-CF-005",
        address: "aws_cloudfront_distribution.cdn",
        attribute: "origin[0].origin_access_control_id",
        found: "unset",
        expected: "an origin access control (not a public bucket or legacy OAI)",
      },
    ]);
  });
});
