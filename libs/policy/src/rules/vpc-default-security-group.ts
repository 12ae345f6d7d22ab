import { companionRule } from "./companion";
import { blocks, finding } from "./helpers";

/**
 * Adopting the default SG with no rule blocks makes Terraform strip its rules, so anything that
 * falls back to it (a resource created without SGs) can reach nothing and be reached by nothing.
 */
export const vpcDefaultSecurityGroup = companionRule({
  id: "INF-VPC-002",
  title: "VPC's default security group is managed with no ingress and no egress",
  mirrors: ["CKV2_AWS_12"],
  catalogue: [2],
  resourceTypes: ["aws_vpc"],
  severity: "medium",
  companion: { type: "aws_default_security_group", attribute: "vpc_id", missing: "one for this VPC with no ingress and no egress rules" },
  checkCompanion: (group) =>
    ["ingress", "egress"]
      .filter((key) => blocks(group.values, key).length > 0)
      .map((key) => finding(key, `${blocks(group.values, key).length} rule(s)`, "no rules")),
});
