import { mustBeTrue, requirementRule } from "./requirements";
import { LB_TYPES } from "./lb";

/** Recreating a load balancer changes its DNS name and drops every connection. */
export const lbDeletionProtection = requirementRule({
  id: "INF-LB-003",
  title: "Load balancer has deletion protection",
  mirrors: ["CKV_AWS_150"],
  catalogue: [9],
  resourceTypes: LB_TYPES,
  severity: "medium",
  requires: [mustBeTrue("enable_deletion_protection")],
});
