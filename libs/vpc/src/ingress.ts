import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { Construct } from "constructs";

export interface SecurityGroupIngressProps {
  /** The security group the rule opens. */
  readonly securityGroupId: string;
  /** The clients' security group (a referenced group, never a CIDR). */
  readonly sourceSecurityGroupId: string;
  /** A TCP port, or an inclusive range [from, to]. */
  readonly port: number | readonly [number, number];
  /** Why these clients may connect; AWS shows it on the rule. */
  readonly description: string;
  /** @default none */
  readonly tags?: Record<string, string>;
}

/** One TCP ingress rule from another security group: how every construct library lets its clients in. */
export function ingressFromSecurityGroup(scope: Construct, id: string, props: SecurityGroupIngressProps): VpcSecurityGroupIngressRule {
  const [fromPort, toPort] = typeof props.port === "number" ? [props.port, props.port] : props.port;
  return new VpcSecurityGroupIngressRule(scope, id, {
    securityGroupId: props.securityGroupId,
    referencedSecurityGroupId: props.sourceSecurityGroupId,
    ipProtocol: "tcp",
    fromPort,
    toPort,
    description: props.description,
    tags: props.tags,
  });
}
