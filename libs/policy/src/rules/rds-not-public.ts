import type { PolicyRule } from "../types";
import { finding, isTrue, publicSubnets } from "./helpers";
import { RDS_INSTANCES } from "./rds";

/** A database is reached from the app tier only: no public endpoint, no subnet with a route to the world. */
export const rdsNotPublic: PolicyRule = {
  id: "INF-RDS-002",
  title: "RDS instances are not publicly accessible and live in private subnets",
  mirrors: ["CKV_AWS_17"],
  catalogue: [7],
  resourceTypes: RDS_INSTANCES,
  severity: "critical",
  check(db, index) {
    const out = isTrue(db.values["publicly_accessible"]) ? [finding("publicly_accessible", db.values["publicly_accessible"], "false")] : [];
    // Aurora instances usually inherit the subnet group from their cluster.
    const cluster = index.resolve(db.values["cluster_identifier"]);
    const groupRef = db.values["db_subnet_group_name"] ?? cluster?.values["db_subnet_group_name"];
    const group = index.resolve(groupRef);
    if (group?.type === "aws_db_subnet_group") {
      const exposed = publicSubnets(group.values["subnet_ids"], index);
      if (exposed.length) out.push(finding(`${group.address}.subnet_ids`, exposed.join(", "), "private subnets only (map_public_ip_on_launch false)"));
    }
    return out;
  },
};
