import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export type AclTier = "public" | "private" | "database";

/** One numbered, stateless NACL entry. */
export interface AclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly protocol: "tcp" | "udp";
  readonly cidr: string;
  readonly fromPort: number;
  readonly toPort: number;
  /** Why the entry exists (NACL entries have no description field: it names the Terraform address). */
  readonly purpose: string;
}

export interface TierCidrs {
  readonly public: readonly string[];
  readonly private: readonly string[];
  readonly database: readonly string[];
}

export interface AclPorts {
  /** Application servers' listener (load balancer → app). */
  readonly app: number;
  readonly database: number;
  readonly cache: number;
}

const ANYWHERE = "0.0.0.0/0";
/** Ephemeral ports of Linux clients, NAT gateways and load balancers (AWS's recommended range). */
export const EPHEMERAL = { from: 1024, to: 65535 } as const;

/**
 * The explicit rules of seed 002's three tiers ("Network ACLs: additional layer of network security"),
 * as data. NACLs are stateless, so every allowed flow has its return path; everything else hits the
 * implicit deny. Rule numbers leave gaps of 100 between flows, one number per peer subnet.
 * - public (load balancers, NAT): 443/80 from anywhere; HTTPS out (NAT); app port to private subnets.
 * - private (application servers): app port from public subnets; HTTPS out; database and cache ports
 *   to database subnets.
 * - database (RDS, Redis): database and cache ports from private subnets only; node-to-node traffic
 *   (Redis replication, cluster bus) inside the tier.
 */
export function tierAclEntries(cidrs: TierCidrs, ports: AclPorts): Record<AclTier, AclEntry[]> {
  const entry = (ruleNumber: number, egress: boolean, cidr: string, from: number, to: number, purpose: string): AclEntry => ({
    ruleNumber,
    egress,
    protocol: "tcp",
    cidr,
    fromPort: from,
    toPort: to,
    purpose,
  });
  const each = (base: number, list: readonly string[], egress: boolean, from: number, to: number, purpose: string) =>
    list.map((cidr, i) => entry(base + i, egress, cidr, from, to, purpose));
  const { from: e1, to: e2 } = EPHEMERAL;
  return {
    public: [
      entry(100, false, ANYWHERE, 443, 443, "https-from-internet"),
      entry(110, false, ANYWHERE, 80, 80, "http-redirect-from-internet"),
      entry(120, false, ANYWHERE, e1, e2, "return-traffic-from-internet"),
      entry(100, true, ANYWHERE, 443, 443, "https-to-internet"),
      entry(120, true, ANYWHERE, e1, e2, "responses-to-clients"),
      ...each(200, cidrs.private, true, ports.app, ports.app, "app-port-to-private"),
    ],
    private: [
      ...each(100, cidrs.public, false, ports.app, ports.app, "app-port-from-public"),
      entry(200, false, ANYWHERE, e1, e2, "return-traffic"),
      entry(100, true, ANYWHERE, 443, 443, "https-to-internet"),
      ...each(200, cidrs.database, true, ports.database, ports.database, "database-port-to-database"),
      ...each(300, cidrs.database, true, ports.cache, ports.cache, "cache-port-to-database"),
      ...each(400, cidrs.public, true, e1, e2, "responses-to-public"),
    ],
    database: [
      ...each(100, cidrs.private, false, ports.database, ports.database, "database-port-from-private"),
      ...each(200, cidrs.private, false, ports.cache, ports.cache, "cache-port-from-private"),
      ...each(300, cidrs.database, false, e1, e2, "between-data-nodes"),
      ...each(100, cidrs.private, true, e1, e2, "responses-to-private"),
      ...each(200, cidrs.database, true, e1, e2, "between-data-nodes"),
    ],
  };
}

export interface TierNetworkAclsProps {
  /** Name prefix, e.g. "prod-us-east-1-timeline". */
  readonly name: string;
  readonly vpcId: string;
  /** Subnets of each tier (each gets its tier's ACL instead of the VPC's default ACL). */
  readonly subnetIds: Readonly<Record<AclTier, readonly string[]>>;
  readonly entries: Readonly<Record<AclTier, readonly AclEntry[]>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One aws_network_acl per tier, associated with that tier's subnets, with one aws_network_acl_rule
 * per entry (addressed by tier, direction and rule number, so adding a flow never renumbers others).
 */
export class TierNetworkAcls extends Construct {
  readonly aclIds: Readonly<Record<AclTier, string>>;

  constructor(scope: Construct, id: string, props: TierNetworkAclsProps) {
    super(scope, id);
    markLibrary(this, "timeline");
    const ids: Partial<Record<AclTier, string>> = {};
    for (const tier of ["public", "private", "database"] as const) {
      const entries = props.entries[tier];
      for (const direction of [false, true]) {
        const numbers = entries.filter((e) => e.egress === direction).map((e) => e.ruleNumber);
        const dup = numbers.find((n, i) => numbers.indexOf(n) !== i);
        if (dup !== undefined) throw new Error(`${this.node.path}: ${tier} ${direction ? "egress" : "ingress"} rule number ${dup} is used twice`);
      }
      const acl = new NetworkAcl(this, tier, {
        vpcId: props.vpcId,
        subnetIds: [...props.subnetIds[tier]],
        tags: { ...(props.tags ?? {}), Name: `${props.name}-${tier}`, Tier: tier },
      });
      ids[tier] = acl.id;
      for (const e of entries) {
        new NetworkAclRule(this, `${tier}-${e.egress ? "out" : "in"}-${e.ruleNumber}-${e.purpose}`, {
          networkAclId: acl.id,
          ruleNumber: e.ruleNumber,
          egress: e.egress,
          protocol: e.protocol,
          ruleAction: "allow",
          cidrBlock: e.cidr,
          fromPort: e.fromPort,
          toPort: e.toPort,
        });
      }
    }
    this.aclIds = ids as Record<AclTier, string>;
  }
}
