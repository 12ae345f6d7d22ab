import type { PolicyRule } from "../types";
import { asNumber, finding, get } from "./helpers";
import { INSTANCE_TYPES } from "./ec2";

/**
 * IMDSv2 (session tokens) defeats SSRF credential theft; a hop limit of 1 keeps the instance's
 * credentials away from containers on it.
 */
export const ec2Imds: PolicyRule = {
  id: "INF-EC2-001",
  title: "Instances and launch templates require IMDSv2 with hop limit 1",
  mirrors: ["CKV_AWS_79", "CKV_AWS_341"],
  catalogue: [63],
  resourceTypes: INSTANCE_TYPES,
  severity: "high",
  appliesTo: (r) => get(r.values, "metadata_options.http_endpoint") !== "disabled",
  check(resource) {
    const out = [];
    const tokens = get(resource.values, "metadata_options.http_tokens");
    if (tokens !== "required") out.push(finding("metadata_options.http_tokens", tokens, "required"));
    const hops = get(resource.values, "metadata_options.http_put_response_hop_limit");
    if (hops !== undefined && asNumber(hops) !== 1) out.push(finding("metadata_options.http_put_response_hop_limit", hops, "1"));
    return out;
  },
};
