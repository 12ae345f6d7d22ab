import type { PolicyRule } from "../types";
import { asNumber, finding } from "./helpers";

/** The values CloudWatch Logs accepts for retentionInDays (0 = never expire is rejected below). */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * Retention is a decision per env (dev keeps 7-30 days, prod a year or more), written down.
 * Unset or 0 means "keep forever": unbounded cost and data kept past any purpose.
 */
export const logGroupRetention: PolicyRule = {
  id: "INF-LOG-002",
  title: "CloudWatch log group has an explicit retention CloudWatch accepts",
  mirrors: ["CKV_AWS_338", "CKV_AWS_66"],
  catalogue: [54],
  resourceTypes: ["aws_cloudwatch_log_group"],
  severity: "medium",
  check(group) {
    const days = asNumber(group.values["retention_in_days"]);
    return days !== undefined && RETENTION_DAYS.includes(days)
      ? []
      : [finding("retention_in_days", group.values["retention_in_days"], `one of ${RETENTION_DAYS.join(", ")}`)];
  },
};
