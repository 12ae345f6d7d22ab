import type { PolicyRule } from "../types";
import { asNumber, finding } from "./helpers";
import { RDS_DATABASES } from "./rds";

export const MIN_BACKUP_DAYS = 7;

/** A week of point-in-time recovery covers a bad deploy found after a weekend. */
export const rdsBackupRetention: PolicyRule = {
  id: "INF-RDS-003",
  title: `RDS backup retention is at least ${MIN_BACKUP_DAYS} days`,
  mirrors: ["CKV_AWS_133", "AwsSolutions-RDS13"],
  catalogue: [8],
  resourceTypes: RDS_DATABASES,
  severity: "high",
  // A read replica's backups live on its source.
  appliesTo: (db) => db.values["replicate_source_db"] === undefined,
  check(db) {
    const days = asNumber(db.values["backup_retention_period"]);
    return days !== undefined && days >= MIN_BACKUP_DAYS
      ? []
      : [finding("backup_retention_period", db.values["backup_retention_period"], `>= ${MIN_BACKUP_DAYS} (days, explicit)`)];
  },
};
