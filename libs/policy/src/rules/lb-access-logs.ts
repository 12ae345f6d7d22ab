import type { PolicyRule } from "../types";
import { finding, get, isTrue } from "./helpers";
import { LB_TYPES } from "./lb";

/** Who called which target, with what status: the first thing asked after an incident. */
export const lbAccessLogs: PolicyRule = {
  id: "INF-LB-005",
  title: "Load balancer access logs are enabled",
  mirrors: ["CKV_AWS_91", "AwsSolutions-ELB2"],
  catalogue: [34],
  resourceTypes: LB_TYPES,
  severity: "medium",
  check(lb) {
    const enabled = get(lb.values, "access_logs.enabled");
    if (!isTrue(enabled)) return [finding("access_logs.enabled", enabled, "true")];
    return get(lb.values, "access_logs.bucket") ? [] : [finding("access_logs.bucket", undefined, "the log bucket")];
  },
};
