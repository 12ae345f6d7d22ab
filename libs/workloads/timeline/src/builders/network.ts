import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { StackBuilder } from "@infra/core";
import { HostedZone } from "@infra/dns";
import { type Vpc, vpcFromInputs } from "@infra/vpc";
import { type AclTier, TierNetworkAcls, tierAclEntries } from "../constructs/network-acls";
import type { TimelineNetworkInputs } from "../inputs/network";
import { buildTimelineKms } from "./kms";

export interface TimelineNetwork {
  readonly vpc: Vpc;
  readonly acls: TierNetworkAcls;
  /** Load balancers in the public subnets: 443 (and 80 for the redirect) from the internet. */
  readonly albSecurityGroupId: string;
  /** Application servers: the app port from the load balancers; the only client of RDS and Redis. */
  readonly appSecurityGroupId: string;
  readonly ports: TimelineNetworkInputs["ports"];
  /** NAT of the private subnets: Fargate tasks there reach ECR, logs and X-Ray only through it. */
  readonly nat: TimelineNetworkInputs["nat"];
  /** The private zone the application resolves its data endpoints in (primary region only). */
  readonly zone?: { readonly zoneId: string; readonly name: string };
}

export const buildTimelineNetwork: StackBuilder<TimelineNetworkInputs, TimelineNetwork> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const vpc = vpcFromInputs(stack, inputs, { flowLogsKeyArn: keys.logs.keyArn });

  const cidrsOf = (tier: AclTier) => vpc.subnets.filter((s) => s.tier === tier).map((s) => s.cidr);
  const cidrs = { public: cidrsOf("public"), private: cidrsOf("private"), database: cidrsOf("database") };
  const acls = new TierNetworkAcls(stack, "nacl", {
    name: inputs.name,
    vpcId: vpc.vpcId,
    subnetIds: { public: vpc.publicSubnetIds, private: vpc.privateSubnetIds, database: vpc.databaseSubnetIds },
    entries: tierAclEntries(cidrs, inputs.ports),
  });

  // Security groups: the load balancer tier and the application tier. The data tier's groups come
  // with RDS and Redis (engine port from the app group only).
  const alb = new SecurityGroup(stack, "alb-sg", {
    name: `${inputs.name}-alb`,
    description: `${inputs.name} load balancers: HTTPS (and the HTTP redirect) from the internet`,
    vpcId: vpc.vpcId,
    tags: { Name: `${inputs.name}-alb` },
  });
  const app = new SecurityGroup(stack, "app-sg", {
    name: `${inputs.name}-app`,
    description: `${inputs.name} application servers: app port from the load balancers only`,
    vpcId: vpc.vpcId,
    tags: { Name: `${inputs.name}-app` },
  });
  const { app: appPort, database: dbPort, cache: cachePort } = inputs.ports;
  for (const p of [443, 80]) {
    new VpcSecurityGroupIngressRule(stack, `alb-in-${p}`, {
      securityGroupId: alb.id,
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: p,
      toPort: p,
      description: p === 443 ? "HTTPS from viewers" : "HTTP from viewers, redirected to HTTPS by the listener",
    });
  }
  new VpcSecurityGroupEgressRule(stack, "alb-out-app", {
    securityGroupId: alb.id,
    referencedSecurityGroupId: app.id,
    ipProtocol: "tcp",
    fromPort: appPort,
    toPort: appPort,
    description: "To the application servers",
  });
  new VpcSecurityGroupIngressRule(stack, "app-in-alb", {
    securityGroupId: app.id,
    referencedSecurityGroupId: alb.id,
    ipProtocol: "tcp",
    fromPort: appPort,
    toPort: appPort,
    description: "From the load balancers",
  });
  new VpcSecurityGroupEgressRule(stack, "app-out-https", {
    securityGroupId: app.id,
    cidrIpv4: "0.0.0.0/0",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "HTTPS to AWS APIs (S3, Secrets Manager, X-Ray, CloudWatch) through NAT",
  });
  cidrs.database.forEach((cidr, i) => {
    for (const [kind, p] of [
      ["database", dbPort],
      ["cache", cachePort],
    ] as const) {
      new VpcSecurityGroupEgressRule(stack, `app-out-${kind}-${i}`, {
        securityGroupId: app.id,
        cidrIpv4: cidr,
        ipProtocol: "tcp",
        fromPort: p,
        toPort: p,
        description: `${kind === "database" ? "PostgreSQL" : "Redis"} in database subnet ${cidr}`,
      });
    }
  });

  let zone: TimelineNetwork["zone"];
  if (inputs.privateZone.create) {
    // DR regions' VPCs resolve the same names, so the failover only re-points records.
    const drId = ctx.deployment.dependencies["dr"];
    const dr = drId ? ctx.dependencyOn("dr", buildTimelineNetwork) : undefined;
    const drRegion = drId ? ctx.env.deployments.find((d) => d.id === drId)!.region.name : undefined;
    const hosted = new HostedZone(stack, "zone", {
      name: inputs.privateZone.name,
      comment: `Data endpoints of ${inputs.name} (re-pointed by the failover runbook)`,
      vpcs: [{ vpcId: vpc.vpcId }, ...(dr ? [{ vpcId: dr.vpc.vpcId, region: drRegion }] : [])],
      deletionProtection: ctx.settings.deletionProtection,
    });
    zone = { zoneId: hosted.zoneId, name: inputs.privateZone.name };
  }
  return { vpc, acls, albSecurityGroupId: alb.id, appSecurityGroupId: app.id, ports: inputs.ports, nat: inputs.nat, zone };
};
