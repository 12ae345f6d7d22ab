import type { PolicyRule } from "../types";
import { finding } from "./helpers";

/** Layer-7 filtering at the edge, before requests cost origin capacity. */
export const cloudfrontWaf: PolicyRule = {
  id: "INF-CF-003",
  title: "CloudFront distribution has a CLOUDFRONT-scope WAF web ACL",
  mirrors: ["CKV_AWS_68", "AwsSolutions-CFR2"],
  catalogue: [33],
  resourceTypes: ["aws_cloudfront_distribution"],
  severity: "high",
  check(distribution, index) {
    const acl = distribution.values["web_acl_id"];
    if (!acl) return [finding("web_acl_id", undefined, "a WAFv2 web ACL with scope CLOUDFRONT")];
    const target = index.resolve(acl);
    if (target?.type === "aws_wafv2_web_acl" && target.values["scope"] !== "CLOUDFRONT")
      return [finding(`${target.address}.scope`, target.values["scope"], "CLOUDFRONT")];
    return [];
  },
};
