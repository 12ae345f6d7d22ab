import type { PolicyRule } from "../types";
import { finding } from "./helpers";
import { isPostgres, parameter, PARAMETER_GROUP_TYPES } from "./parameter-groups";

/** PostgreSQL writes no statement log unless asked: without it, an audit has nothing to read. */
export const rdsQueryLogging: PolicyRule = {
  id: "INF-RDS-012",
  title: "PostgreSQL parameter groups set log_statement and log_min_duration_statement",
  mirrors: ["CKV2_AWS_30", "CKV2_AWS_27"],
  catalogue: [15],
  resourceTypes: PARAMETER_GROUP_TYPES,
  severity: "low",
  appliesTo: isPostgres,
  check(group) {
    const out = [];
    const statement = parameter(group, "log_statement");
    if (statement === undefined || statement === "none") out.push(finding("parameter[log_statement]", statement, "ddl, mod or all"));
    const duration = parameter(group, "log_min_duration_statement");
    if (duration === undefined || duration === "-1") out.push(finding("parameter[log_min_duration_statement]", duration, "a threshold in ms (not -1)"));
    return out;
  },
};
