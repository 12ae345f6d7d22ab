import type { PolicyRule } from "../types";
import { asStrings, finding } from "./helpers";
import { RDS_DATABASES } from "./rds";

/** Engine logs (errors, audit, slow queries) in CloudWatch outlive the instance and can be alarmed on. */
export const rdsLogExports: PolicyRule = {
  id: "INF-RDS-011",
  title: "RDS exports engine logs to CloudWatch Logs",
  mirrors: ["CKV_AWS_129", "CKV_AWS_324"],
  catalogue: [15],
  resourceTypes: RDS_DATABASES,
  severity: "medium",
  check(db) {
    const exports = asStrings(db.values["enabled_cloudwatch_logs_exports"]);
    return exports.length
      ? []
      : [finding("enabled_cloudwatch_logs_exports", db.values["enabled_cloudwatch_logs_exports"], "a non-empty list (e.g. postgresql)")];
  },
};
