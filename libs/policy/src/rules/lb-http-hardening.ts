import type { PolicyRule } from "../types";
import { finding, requireTrue } from "./helpers";
import { isApplication, LB_TYPES } from "./lb";

const DESYNC = ["defensive", "strictest"];

/** Malformed headers and ambiguous requests are how request smuggling reaches the targets. */
export const lbHttpHardening: PolicyRule = {
  id: "INF-LB-002",
  title: "ALB drops invalid header fields and mitigates desync (defensive or strictest)",
  mirrors: ["CKV_AWS_131", "CKV_AWS_328"],
  catalogue: [39],
  resourceTypes: LB_TYPES,
  severity: "medium",
  appliesTo: isApplication,
  check(lb) {
    const out = requireTrue(lb.values, "drop_invalid_header_fields");
    const mode = lb.values["desync_mitigation_mode"];
    // Unset is AWS's default, defensive.
    if (mode !== undefined && !DESYNC.includes(mode as string)) out.push(finding("desync_mitigation_mode", mode, "defensive or strictest"));
    return out;
  },
};
