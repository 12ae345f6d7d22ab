import type { PolicyRule } from "../types";
import { asStrings, finding, get, publicSubnets, requireTrue } from "./helpers";
import { statementsOf, unconditionedPublicAllows } from "./policy-document";

/** A domain outside a VPC, or with an open policy and no fine-grained access control, is one curl from a leak. */
export const opensearchAccess: PolicyRule = {
  id: "INF-OS-002",
  title: "OpenSearch runs in private subnets with its own SG, fine-grained access, and no open policy",
  mirrors: ["CKV_AWS_137", "CKV_AWS_248", "CKV2_AWS_52", "AwsSolutions-OS1", "AwsSolutions-OS5"],
  catalogue: [21],
  resourceTypes: ["aws_opensearch_domain"],
  severity: "critical",
  check(domain, index) {
    const v = domain.values;
    const out = [];
    const subnets = get(v, "vpc_options.subnet_ids");
    if (asStrings(subnets).length === 0) out.push(finding("vpc_options.subnet_ids", subnets, "private subnets (the domain inside the VPC)"));
    else if (publicSubnets(subnets, index).length)
      out.push(finding("vpc_options.subnet_ids", publicSubnets(subnets, index).join(", "), "private subnets only"));
    if (asStrings(get(v, "vpc_options.security_group_ids")).length === 0)
      out.push(finding("vpc_options.security_group_ids", get(v, "vpc_options.security_group_ids"), "the domain's own security group"));
    out.push(...requireTrue(v, "advanced_security_options.enabled"));
    const policies = [
      v["access_policies"],
      ...index.referencing(domain, "aws_opensearch_domain_policy", "domain_name").map((p) => p.values["access_policies"]),
    ];
    for (const policy of policies) {
      const open = unconditionedPublicAllows(statementsOf(policy, index) ?? []);
      if (open.length)
        out.push(finding("access_policies", `Allow ${open[0]!.actions.join(",")} to Principal "*" without condition`, 'no unconditioned "*" principal'));
    }
    return out;
  },
};
