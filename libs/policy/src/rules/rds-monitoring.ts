import type { PolicyRule } from "../types";
import { asNumber, finding, isTrue, requireCmk } from "./helpers";
import { RDS_INSTANCES } from "./rds";

const INTERVALS = [1, 5, 10, 15, 30, 60];

/** Enhanced monitoring and Performance Insights are what an on-call reads during a DB incident. */
export const rdsMonitoring: PolicyRule = {
  id: "INF-RDS-010",
  title: "RDS instances have enhanced monitoring and Performance Insights with a CMK",
  mirrors: ["CKV_AWS_118", "CKV_AWS_353", "CKV_AWS_354"],
  catalogue: [14],
  resourceTypes: RDS_INSTANCES,
  severity: "low",
  check(db, index) {
    const v = db.values;
    const out = [];
    if (!INTERVALS.includes(asNumber(v["monitoring_interval"]) ?? 0))
      out.push(finding("monitoring_interval", v["monitoring_interval"], `one of ${INTERVALS.join(", ")}`));
    else if (!v["monitoring_role_arn"]) out.push(finding("monitoring_role_arn", undefined, "the enhanced monitoring role"));
    if (!isTrue(v["performance_insights_enabled"])) out.push(finding("performance_insights_enabled", v["performance_insights_enabled"], "true"));
    else out.push(...requireCmk(v, "performance_insights_kms_key_id", index));
    return out;
  },
};
