import type { Finding, PolicyRule } from "../types";
import { finding, get } from "./helpers";
import { behaviours, MANAGED_HSTS_POLICIES } from "./cloudfront";
import { isToken } from "../refs";

const VIEWER = ["redirect-to-https", "https-only"];

/** Viewers never talk plaintext, and HSTS makes browsers remember it. */
export const cloudfrontHttps: PolicyRule = {
  id: "INF-CF-001",
  title: "CloudFront behaviours redirect to HTTPS and send HSTS",
  mirrors: ["CKV_AWS_34", "CKV2_AWS_32", "CKV_AWS_259"],
  catalogue: [31],
  resourceTypes: ["aws_cloudfront_distribution"],
  severity: "high",
  check(distribution, index) {
    const out: Finding[] = [];
    for (const b of behaviours(distribution)) {
      const policy = b.values["viewer_protocol_policy"];
      if (!VIEWER.includes(policy as string)) out.push(finding(`${b.attribute}.viewer_protocol_policy`, policy, VIEWER.join(" or ")));
      const headers = b.values["response_headers_policy_id"];
      const target = index.resolve(headers);
      const hsts =
        target?.type === "aws_cloudfront_response_headers_policy"
          ? get(target.values, "security_headers_config.strict_transport_security") !== undefined
          : MANAGED_HSTS_POLICIES.has(headers as string) || (isToken(headers) && target === undefined); // defined in another stack: not ours to read
      if (!hsts) out.push(finding(`${b.attribute}.response_headers_policy_id`, headers, "a response headers policy with strict_transport_security"));
    }
    return out;
  },
};
