import type { PolicyRule } from "../types";
import { finding, isFalse, isTrue } from "./helpers";

/** Minor versions carry security fixes; snapshots keep the tags that say whose data it is. */
export const rdsMaintenance: PolicyRule = {
  id: "INF-RDS-009",
  title: "RDS keeps auto minor version upgrades and copies tags to snapshots",
  mirrors: ["CKV_AWS_226", "CKV2_AWS_60", "CKV_AWS_313"],
  catalogue: [13],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance"],
  severity: "low",
  check(db) {
    const out = [];
    // Aurora upgrades are set per instance; tags are copied per cluster.
    if (db.type !== "aws_rds_cluster" && isFalse(db.values["auto_minor_version_upgrade"]))
      out.push(finding("auto_minor_version_upgrade", false, "true (or unset)"));
    if (db.type !== "aws_rds_cluster_instance" && !isTrue(db.values["copy_tags_to_snapshot"]))
      out.push(finding("copy_tags_to_snapshot", db.values["copy_tags_to_snapshot"], "true"));
    return out;
  },
};
