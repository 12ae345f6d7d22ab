import type { PolicyRule } from "../types";
import { finding, isTrue } from "./helpers";

/**
 * RDS-managed master passwords live in Secrets Manager and rotate; a password attribute lands
 * in the Terraform state in clear text and never changes.
 */
export const rdsManagedPassword: PolicyRule = {
  id: "INF-RDS-013",
  title: "RDS master password is managed by RDS in Secrets Manager",
  mirrors: ["AwsSolutions-SMG4"],
  catalogue: [58],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  severity: "high",
  // Replicas and restores inherit credentials from their source.
  appliesTo: (db) => db.values["replicate_source_db"] === undefined && db.values["snapshot_identifier"] === undefined,
  check(db) {
    const attr = db.type === "aws_db_instance" ? "password" : "master_password";
    if (db.values[attr] !== undefined) return [finding(attr, "(set)", "unset, with manage_master_user_password = true")];
    return isTrue(db.values["manage_master_user_password"]) ? [] : [finding("manage_master_user_password", db.values["manage_master_user_password"], "true")];
  },
};
