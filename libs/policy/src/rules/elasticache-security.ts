import type { PolicyRule, StackIndex, SynthResource } from "../types";
import { asStrings, finding, publicSubnets, requireCmk, requireTrue } from "./helpers";

function subnetFindings(attribute: string, subnetIds: unknown, index: StackIndex) {
  const exposed = publicSubnets(subnetIds, index);
  return exposed.length ? [finding(attribute, exposed.join(", "), "private subnets only (map_public_ip_on_launch false)")] : [];
}

function replicationGroup(group: SynthResource, index: StackIndex) {
  const v = group.values;
  const out = [...requireTrue(v, "at_rest_encryption_enabled"), ...requireCmk(v, "kms_key_id", index), ...requireTrue(v, "transit_encryption_enabled")];
  if (!v["auth_token"] && asStrings(v["user_group_ids"]).length === 0)
    out.push(finding("auth_token / user_group_ids", undefined, "an auth token or RBAC user groups"));
  const subnetGroup = index.resolve(v["subnet_group_name"]);
  if (subnetGroup?.type === "aws_elasticache_subnet_group")
    out.push(...subnetFindings(`${subnetGroup.address}.subnet_ids`, subnetGroup.values["subnet_ids"], index));
  return out;
}

function serverless(cache: SynthResource, index: StackIndex) {
  // Serverless caches always encrypt at rest and in transit; the key and access control are ours to set.
  const v = cache.values;
  const out = [...requireCmk(v, "kms_key_id", index), ...subnetFindings("subnet_ids", v["subnet_ids"], index)];
  if (v["engine"] !== "memcached" && !v["user_group_id"]) out.push(finding("user_group_id", undefined, "an RBAC user group (no anonymous default user)"));
  return out;
}

/** Cache contents are often session data: encrypted both ways, behind auth, off the internet. */
export const elasticacheSecurity: PolicyRule = {
  id: "INF-EC-001",
  title: "ElastiCache encrypts at rest (CMK) and in transit, requires auth and uses private subnets",
  mirrors: ["CKV_AWS_29", "CKV_AWS_30", "CKV_AWS_31", "CKV_AWS_191", "AwsSolutions-AEC1", "AwsSolutions-AEC3", "AwsSolutions-AEC6"],
  catalogue: [18],
  resourceTypes: ["aws_elasticache_replication_group", "aws_elasticache_serverless_cache"],
  severity: "high",
  check: (cache, index) => (cache.type === "aws_elasticache_serverless_cache" ? serverless(cache, index) : replicationGroup(cache, index)),
};
