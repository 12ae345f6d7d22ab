import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import type { Construct } from "constructs";

export interface FunctionSecurityGroupProps {
  /** The function's name: the group is `<name>-fn`. */
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  /** What the HTTPS egress reaches, shown on the rule (e.g. "AWS APIs (through the NAT gateway)"). */
  readonly httpsDescription: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The security group of a VPC function that only calls AWS APIs: `<name>-fn`, no ingress, HTTPS out
 * (to the APIs through the NAT gateway or interface endpoints). Ids "sg" and "https" in `scope`; more
 * egress (a database port) is added by the caller.
 */
export function functionSecurityGroup(
  scope: Construct,
  props: FunctionSecurityGroupProps,
): { readonly securityGroup: SecurityGroup; readonly https: VpcSecurityGroupEgressRule } {
  const securityGroup = new SecurityGroup(scope, "sg", {
    name: `${props.name}-fn`,
    description: props.description,
    vpcId: props.vpcId,
    tags: { ...props.tags, Name: `${props.name}-fn` },
  });
  const https = new VpcSecurityGroupEgressRule(scope, "https", {
    securityGroupId: securityGroup.id,
    cidrIpv4: "0.0.0.0/0",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: props.httpsDescription,
  });
  return { securityGroup, https };
}
