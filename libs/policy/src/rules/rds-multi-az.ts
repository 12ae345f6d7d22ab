import type { PolicyRule } from "../types";
import { finding, isTrue } from "./helpers";
import { RDS_DATABASES } from "./rds";

/**
 * Survive an AZ outage: a standby for instances, two or more instances in different AZs for
 * Aurora. Multi-AZ DB clusters (db_cluster_instance_class) span three AZs by construction.
 */
export const rdsMultiAz: PolicyRule = {
  id: "INF-RDS-005",
  title: "RDS is Multi-AZ (Aurora: at least 2 instances in different AZs)",
  mirrors: ["CKV_AWS_157", "AwsSolutions-RDS3"],
  catalogue: [10],
  resourceTypes: RDS_DATABASES,
  severity: "medium",
  appliesTo: (db) => db.values["engine_mode"] !== "serverless" && db.values["db_cluster_instance_class"] === undefined,
  check(db, index) {
    if (db.type === "aws_db_instance") return isTrue(db.values["multi_az"]) ? [] : [finding("multi_az", db.values["multi_az"], "true")];
    const instances = index.referencing(db, "aws_rds_cluster_instance", "cluster_identifier");
    if (instances.length < 2) return [finding("aws_rds_cluster_instance", `${instances.length} instance(s)`, ">= 2 instances in different AZs")];
    const zones = instances.map((i) => i.values["availability_zone"]).filter((z) => typeof z === "string");
    return new Set(zones).size < zones.length ? [finding("aws_rds_cluster_instance.availability_zone", zones.join(", "), "a different AZ per instance")] : [];
  },
};
