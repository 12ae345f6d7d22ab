import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { functionSecurityGroup } from "@infra/vpc";
import type { Construct } from "constructs";

/**
 * The security group of a function that works on a database for Secrets Manager (a rotation function, the
 * login function): `<name>-fn`, HTTPS out to the Secrets Manager API (NAT or an interface endpoint), and,
 * with {@link egressToDatabase}, the engine port to the database's group. Ids "sg", "https", "database".
 */
export function secretsFunctionGroup(
  scope: Construct,
  props: { readonly name: string; readonly description: string; readonly vpcId: string; readonly tags: Readonly<Record<string, string>> },
): ReturnType<typeof functionSecurityGroup> {
  return functionSecurityGroup(scope, { ...props, httpsDescription: "Secrets Manager API (through the NAT gateway or an interface endpoint)" });
}

/** The engine port from a function's group to its database's group. */
export function egressToDatabase(
  scope: Construct,
  securityGroupId: string,
  databaseSecurityGroupId: string,
  port: number,
  description: string,
): VpcSecurityGroupEgressRule {
  return new VpcSecurityGroupEgressRule(scope, "database", {
    securityGroupId,
    referencedSecurityGroupId: databaseSecurityGroupId,
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
    description,
  });
}
