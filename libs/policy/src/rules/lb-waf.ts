import type { PolicyRule } from "../types";
import { finding } from "./helpers";
import { isApplication, isInternetFacing, LB_TYPES } from "./lb";

/** An internet-facing ALB reachable without the WAF is a way around the CDN's filtering. */
export const lbWaf: PolicyRule = {
  id: "INF-LB-004",
  title: "Internet-facing ALB has a WAF web ACL association",
  mirrors: ["CKV2_AWS_28"],
  catalogue: [33],
  resourceTypes: LB_TYPES,
  severity: "high",
  appliesTo: (lb) => isApplication(lb) && isInternetFacing(lb),
  check(lb, index) {
    return index.referencing(lb, "aws_wafv2_web_acl_association", "resource_arn").length
      ? []
      : [finding("aws_wafv2_web_acl_association", undefined, "a REGIONAL web ACL associated with this ALB")];
  },
};
