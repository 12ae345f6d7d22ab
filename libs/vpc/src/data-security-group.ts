import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import { ingressFromSecurityGroup } from "./ingress";

export interface AllowedSecurityGroup {
  readonly securityGroupId: string;
  /** Why this client may connect, e.g. "Lambda functions". Also names the rule's Terraform address. */
  readonly description: string;
}

export interface DataSecurityGroupProps {
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly port: number;
  /** Last port of the range. @default port */
  readonly toPort?: number;
  readonly tags: Record<string, string>;
  /** Clients let in from the start; more with allowFrom(). @default none */
  readonly allowed?: readonly AllowedSecurityGroup[];
}

/**
 * A data-tier security group (databases, caches, search): no egress, ingress on one port (range) from referenced security groups
 * only. Rules are separate resources addressed by their description, so reordering clients does
 * not replace rules.
 */
export class DataSecurityGroup extends Construct {
  readonly securityGroupId: string;
  private readonly ruleIds = new Set<string>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: DataSecurityGroupProps,
  ) {
    super(scope, id);
    const sg = new SecurityGroup(this, "sg", {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: { ...props.tags, Name: props.name },
      revokeRulesOnDelete: true,
    });
    this.securityGroupId = sg.id;
    for (const a of props.allowed ?? []) this.allowFrom(a.securityGroupId, a.description);
  }

  allowFrom(securityGroupId: string, description: string): void {
    const slug = description
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    if (slug === "") throw new Error(`${this.node.path}: allowFrom needs a description with letters or digits`);
    const ruleId = `from-${slug}`;
    if (this.ruleIds.has(ruleId)) throw new Error(`${this.node.path}: a rule described "${description}" already exists`);
    this.ruleIds.add(ruleId);
    ingressFromSecurityGroup(this, ruleId, {
      securityGroupId: this.securityGroupId,
      sourceSecurityGroupId: securityGroupId,
      port: [this.props.port, this.props.toPort ?? this.props.port],
      description,
      tags: { ...this.props.tags, Name: `${this.props.name}-${slug}` },
    });
  }
}
