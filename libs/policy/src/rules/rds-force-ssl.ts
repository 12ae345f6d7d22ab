import type { PolicyRule } from "../types";
import { finding } from "./helpers";
import { isMysql, isPostgres, parameter, PARAMETER_GROUP_TYPES } from "./parameter-groups";

/** Encryption in transit is enforced by the server, not left to each client's connection string. */
export const rdsForceSsl: PolicyRule = {
  id: "INF-RDS-007",
  title: "RDS parameter groups force TLS (rds.force_ssl / require_secure_transport)",
  mirrors: ["CKV2_AWS_69"],
  catalogue: [12],
  resourceTypes: PARAMETER_GROUP_TYPES,
  severity: "high",
  appliesTo: (group) => isPostgres(group) || isMysql(group),
  check(group) {
    const name = isPostgres(group) ? "rds.force_ssl" : "require_secure_transport";
    const value = parameter(group, name);
    return value === "1" || value?.toUpperCase() === "ON" ? [] : [finding(`parameter[${name}]`, value, "1")];
  },
};
