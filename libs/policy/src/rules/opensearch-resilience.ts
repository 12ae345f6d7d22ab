import type { PolicyRule } from "../types";
import { asNumber, finding, get, requireTrue } from "./helpers";

/** Three dedicated masters keep quorum through a node loss; zone awareness keeps replicas in other AZs. */
export const opensearchResilience: PolicyRule = {
  id: "INF-OS-004",
  title: "OpenSearch has >= 3 dedicated masters and zone awareness",
  mirrors: ["CKV_AWS_318", "CKV2_AWS_59", "AwsSolutions-OS4", "AwsSolutions-OS7"],
  catalogue: [23],
  resourceTypes: ["aws_opensearch_domain"],
  severity: "medium",
  check(domain) {
    const v = domain.values;
    const out = requireTrue(v, "cluster_config.dedicated_master_enabled");
    const masters = asNumber(get(v, "cluster_config.dedicated_master_count"));
    if (out.length === 0 && (masters ?? 0) < 3) out.push(finding("cluster_config.dedicated_master_count", masters, ">= 3"));
    return [...out, ...requireTrue(v, "cluster_config.zone_awareness_enabled")];
  },
};
