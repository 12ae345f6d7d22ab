import type { PolicyRule } from "../types";
import { requireTrue } from "./helpers";
import { LB_TYPES } from "./lb";

/** Recreating a load balancer changes its DNS name and drops every connection. */
export const lbDeletionProtection: PolicyRule = {
  id: "INF-LB-003",
  title: "Load balancer has deletion protection",
  mirrors: ["CKV_AWS_150"],
  catalogue: [9],
  resourceTypes: LB_TYPES,
  severity: "medium",
  check: (lb) => requireTrue(lb.values, "enable_deletion_protection"),
};
