import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import type { StackBuilder } from "@infra/core";
import { type Vpc, vpcFromInputs } from "@infra/vpc";
import type { VpcInputs } from "../inputs";
import { buildKms } from "./security";

export interface NetworkOutputs {
  readonly vpc: Vpc;
  /** Security group of every Mile Quest Lambda function: egress only (HTTPS, PostgreSQL, Redis). */
  readonly lambdaSecurityGroupId: string;
}

/** Database ports the data tier serves: PostgreSQL and ElastiCache Serverless (6379 writes, 6380 reads). */
const DATA_PORTS = [
  { name: "postgres", from: 5432, to: 5432 },
  { name: "redis", from: 6379, to: 6380 },
] as const;

/**
 * Seed 003 "Network Security": the VPC with private subnets (Lambda) and isolated database subnets
 * (Aurora, ElastiCache), security groups, a network ACL on the database tier, and free gateway
 * endpoints for S3 and DynamoDB so that data traffic stays off the NAT gateway.
 */
export const buildVpc: StackBuilder<VpcInputs, NetworkOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const region = ctx.deployment.region.name;
  const vpc = vpcFromInputs(stack, inputs, { flowLogsKeyArn: keys.logs.keyArn });

  const lambdaSg = new SecurityGroup(stack, "lambda-sg", {
    name: `${inputs.name}-lambda`,
    description: "Mile Quest Lambda functions: no ingress; egress to HTTPS, PostgreSQL and Redis only",
    vpcId: vpc.vpcId,
    revokeRulesOnDelete: true,
    tags: { Name: `${inputs.name}-lambda` },
  });
  new VpcSecurityGroupEgressRule(stack, "lambda-egress-https", {
    securityGroupId: lambdaSg.id,
    description: "HTTPS to AWS APIs and Fitbit, Google Fit, Mapbox (through the NAT gateway)",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "0.0.0.0/0",
  });
  for (const port of DATA_PORTS) {
    new VpcSecurityGroupEgressRule(stack, `lambda-egress-${port.name}`, {
      securityGroupId: lambdaSg.id,
      description: `${port.name} to the data tier inside the VPC`,
      ipProtocol: "tcp",
      fromPort: port.from,
      toPort: port.to,
      cidrIpv4: inputs.cidr,
    });
  }

  // Seed 003 "Network ACLs": the database tier answers only the VPC, only on its ports.
  const acl = new NetworkAcl(stack, "database-nacl", {
    vpcId: vpc.vpcId,
    subnetIds: vpc.databaseSubnetIds,
    tags: { Name: `${inputs.name}-database` },
  });
  DATA_PORTS.forEach((port, i) => {
    new NetworkAclRule(stack, `database-nacl-in-${port.name}`, {
      networkAclId: acl.id,
      ruleNumber: 100 + i * 10,
      egress: false,
      protocol: "tcp",
      ruleAction: "allow",
      cidrBlock: inputs.cidr,
      fromPort: port.from,
      toPort: port.to,
    });
  });
  new NetworkAclRule(stack, "database-nacl-out-ephemeral", {
    networkAclId: acl.id,
    ruleNumber: 100,
    egress: true,
    protocol: "tcp",
    ruleAction: "allow",
    cidrBlock: inputs.cidr,
    fromPort: 1024,
    toPort: 65535,
  });

  for (const service of ["s3", "dynamodb"] as const) {
    new VpcEndpoint(stack, `${service}-endpoint`, {
      vpcId: vpc.vpcId,
      serviceName: `com.amazonaws.${region}.${service}`,
      vpcEndpointType: "Gateway",
      routeTableIds: vpc.privateRouteTableIds,
      tags: { Name: `${inputs.name}-${service}` },
    });
  }
  return { vpc, lambdaSecurityGroupId: lambdaSg.id };
};
