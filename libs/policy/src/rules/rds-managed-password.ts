import type { PolicyRule } from "../types";
import { finding, isTrue } from "./helpers";
import { RDS_DATABASES } from "./rds";

/**
 * A master password that lands in the Terraform state in clear text (`password`,
 * `master_password`) never changes and leaks with the state. Two ways keep it out: RDS manages it
 * in Secrets Manager (`manage_master_user_password`), or a write-only argument (`password_wo`,
 * `master_password_wo`, Terraform >= 1.11) sets a password a stack generated into a secret that a
 * rotation function rotates (read replicas and global clusters need that: RDS refuses them for
 * managed passwords; docs/adr/0011-database-credentials.md).
 */
export const rdsManagedPassword: PolicyRule = {
  id: "INF-RDS-013",
  title: "RDS master password is managed by RDS or set write-only from Secrets Manager (never in state)",
  mirrors: ["AwsSolutions-SMG4"],
  catalogue: [58],
  resourceTypes: RDS_DATABASES,
  severity: "high",
  // Replicas and restores inherit credentials from their source.
  appliesTo: (db) => db.values["replicate_source_db"] === undefined && db.values["snapshot_identifier"] === undefined,
  check(db) {
    const attr = db.type === "aws_db_instance" ? "password" : "master_password";
    if (db.values[attr] !== undefined) return [finding(attr, "(set)", `unset, with manage_master_user_password = true or ${attr}_wo`)];
    if (isTrue(db.values["manage_master_user_password"])) return [];
    if (db.values[`${attr}_wo`] !== undefined && db.values[`${attr}_wo_version`] !== undefined) return [];
    return [finding("manage_master_user_password", db.values["manage_master_user_password"], `true, or ${attr}_wo with ${attr}_wo_version`)];
  },
};
