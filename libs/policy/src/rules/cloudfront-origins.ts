import type { Finding, JsonObject, PolicyRule, StackIndex } from "../types";
import { asStrings, blocks, finding, get } from "./helpers";
import { statementsOf } from "./policy-document";

function isS3Origin(origin: JsonObject, index: StackIndex): boolean {
  if (blocks(origin, "custom_origin_config").length) return false;
  return (
    blocks(origin, "s3_origin_config").length > 0 ||
    index.resolve(origin["domain_name"])?.type === "aws_s3_bucket" ||
    /\.s3[.-]/.test(String(origin["domain_name"]))
  );
}

/** The origin bucket's policy must let CloudFront in only for this distribution (AWS:SourceArn). */
function bucketPolicyScoped(origin: JsonObject, index: StackIndex): boolean | undefined {
  const bucket = index.resolve(origin["domain_name"]);
  if (bucket?.type !== "aws_s3_bucket") return undefined;
  const [policy] = index.referencing(bucket, "aws_s3_bucket_policy", "bucket");
  const statements = policy ? statementsOf(policy.values["policy"], index) : [];
  return (statements ?? []).some(
    (s) => s.effect === "Allow" && s.principals.includes("cloudfront.amazonaws.com") && s.conditions.some((c) => c.variable.toLowerCase() === "aws:sourcearn"),
  );
}

/** S3 only through Origin Access Control, custom origins only over TLS 1.2: no way around the edge. */
export const cloudfrontOrigins: PolicyRule = {
  id: "INF-CF-005",
  title: "CloudFront S3 origins use OAC with a SourceArn-scoped bucket policy; custom origins are https-only TLSv1.2",
  mirrors: ["CKV2_AWS_46", "CKV2_AWS_54", "CKV2_AWS_72", "AwsSolutions-CFR5", "AwsSolutions-CFR7"],
  catalogue: [35],
  resourceTypes: ["aws_cloudfront_distribution"],
  severity: "high",
  check(distribution, index) {
    const out: Finding[] = [];
    blocks(distribution.values, "origin").forEach((origin, i) => {
      const at = `origin[${i}]`;
      if (isS3Origin(origin, index)) {
        if (!origin["origin_access_control_id"])
          out.push(finding(`${at}.origin_access_control_id`, undefined, "an origin access control (not a public bucket or legacy OAI)"));
        else if (bucketPolicyScoped(origin, index) === false)
          out.push(
            finding(
              `${at}.domain_name`,
              "bucket policy without a cloudfront.amazonaws.com grant scoped by AWS:SourceArn",
              "a bucket policy allowing cloudfront.amazonaws.com with condition AWS:SourceArn",
            ),
          );
        return;
      }
      const protocol = get(origin, "custom_origin_config.origin_protocol_policy");
      if (protocol !== "https-only") out.push(finding(`${at}.custom_origin_config.origin_protocol_policy`, protocol, "https-only"));
      const ssl = asStrings(get(origin, "custom_origin_config.origin_ssl_protocols"));
      if (ssl.length === 0 || ssl.some((p) => p !== "TLSv1.2")) out.push(finding(`${at}.custom_origin_config.origin_ssl_protocols`, ssl, '["TLSv1.2"]'));
    });
    return out;
  },
};
