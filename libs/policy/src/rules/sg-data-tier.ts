import type { PolicyRule, StackIndex, SynthResource } from "../types";
import { finding } from "./helpers";
import { allIngressOf, describeRule } from "./security-group-rules";

/** Who attaches an SG through which attribute: these are the data stores. */
const DATA_TIER: [string, string][] = [
  ["aws_db_instance", "vpc_security_group_ids"],
  ["aws_rds_cluster", "vpc_security_group_ids"],
  ["aws_elasticache_replication_group", "security_group_ids"],
  ["aws_elasticache_serverless_cache", "security_group_ids"],
  ["aws_opensearch_domain", "vpc_options.security_group_ids"],
];

export function isDataTier(group: SynthResource, index: StackIndex): boolean {
  return DATA_TIER.some(([type, attribute]) => index.referencing(group, type, attribute).length > 0);
}

/**
 * A database SG names its clients' SGs: CIDR sources grant whole subnets (and whatever lands in
 * them later) access to the data.
 */
export const sgDataTier: PolicyRule = {
  id: "INF-SG-003",
  title: "Data-tier security groups accept ingress only from referenced security groups",
  mirrors: [],
  catalogue: [4],
  resourceTypes: ["aws_security_group"],
  severity: "high",
  appliesTo: isDataTier,
  check(group, index) {
    return allIngressOf(group, index)
      .filter((r) => r.cidrs.length > 0 || r.prefixLists.length > 0)
      .map((r) =>
        finding(
          r.attribute,
          describeRule(r, [...r.cidrs, ...r.prefixLists]),
          "ingress only from security groups (source_security_group_id / referenced_security_group_id)",
        ),
      );
  },
};
