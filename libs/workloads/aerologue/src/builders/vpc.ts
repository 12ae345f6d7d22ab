import { Eip } from "@cdktf/provider-aws/lib/eip";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { StackBuilder } from "@infra/core";
import { Vpc } from "@infra/vpc";
import type { VpcInputs } from "../inputs/modules";
import { buildKms } from "./kms";

export interface NetworkOutputs {
  readonly vpc: Vpc;
  /** ARC-003 security groups owned by the network layer (sg-aurora and sg-elasticache belong to their clusters). */
  readonly securityGroups: { readonly alb: string; readonly lambda: string; readonly admin: string };
  /** The ARC-003 standby NAT in AZ B, when on. */
  readonly standbyNatGatewayId?: string;
}

export const buildVpc: StackBuilder<VpcInputs, NetworkOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms).regions[ctx.deployment.region.name]!;
  const vpc = new Vpc(stack, "vpc", {
    name: inputs.prefix,
    cidr: inputs.cidr,
    azs: inputs.azs,
    subnetNewBits: inputs.subnetNewBits,
    subnetOffsets: inputs.subnetOffsets,
    nat: inputs.nat,
    flowLogs: inputs.flowLogs.enabled ? { enabled: true, retentionDays: inputs.flowLogs.retentionDays, kmsKeyArn: keys.logs.keyArn } : { enabled: false },
  });

  let standbyNatGatewayId: string | undefined;
  if (inputs.standbyNat) {
    // Ready in AZ B but carries no route: switching the private route to it is a deliberate act.
    const eip = new Eip(stack, "standby-nat-eip", { domain: "vpc", tags: { Name: `${inputs.prefix}-nat-standby-${inputs.azs[1]}` } });
    const nat = new NatGateway(stack, "standby-nat", {
      allocationId: eip.id,
      subnetId: vpc.publicSubnetIds[1]!,
      tags: { Name: `${inputs.prefix}-nat-standby-${inputs.azs[1]}`, Role: "standby" },
    });
    standbyNatGatewayId = nat.id;
  }

  const group = (id: string, description: string) =>
    new SecurityGroup(stack, `sg-${id}`, {
      name: `${inputs.prefix}-sg-${id}`,
      description,
      vpcId: vpc.vpcId,
      revokeRulesOnDelete: true,
      tags: { Name: `sg-${id}` },
    });
  const ingress443 = (sg: SecurityGroup, id: string, cidrs: readonly string[], why: string) =>
    cidrs.forEach(
      (cidr, i) =>
        new VpcSecurityGroupIngressRule(stack, `${id}-ingress-${i}`, {
          securityGroupId: sg.id,
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrIpv4: cidr,
          description: why,
        }),
    );
  const egressAll = (sg: SecurityGroup, id: string, cidr: string, why: string) =>
    new VpcSecurityGroupEgressRule(stack, `${id}-egress`, { securityGroupId: sg.id, ipProtocol: "-1", cidrIpv4: cidr, description: why });

  // ARC-003 table, row by row.
  const alb = group("alb", "Load balancer: HTTPS from the internet, out to the VPC only");
  ingress443(alb, "sg-alb", inputs.albIngress.cidrs, "HTTPS from clients");
  egressAll(alb, "sg-alb", inputs.cidr, "All traffic to targets in the VPC");

  const lambda = group("lambda", "Lambda functions: no inbound, all outbound");
  egressAll(lambda, "sg-lambda", "0.0.0.0/0", "All outbound: AWS APIs, ADS-B providers, Aurora, Redis");

  const admin = group("admin", "Admin console: HTTPS from admin IPs only");
  ingress443(admin, "sg-admin", inputs.adminIngress.cidrs, "HTTPS from an admin IP");
  egressAll(admin, "sg-admin", "0.0.0.0/0", "All outbound");

  return { vpc, securityGroups: { alb: alb.id, lambda: lambda.id, admin: admin.id }, standbyNatGatewayId };
};
