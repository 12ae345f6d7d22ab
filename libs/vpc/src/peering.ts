import { Route } from "@cdktf/provider-aws/lib/route";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcPeeringConnectionAccepterA } from "@cdktf/provider-aws/lib/vpc-peering-connection-accepter";
import { cidrsOverlap } from "@infra/config";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

/** One side of a peering: the VPC and the route tables that should reach the other side. */
export interface PeeringSide {
  readonly vpcId: string;
  readonly cidr: string;
  readonly region: string;
  /** Route tables that get a route to the other side's CIDR (private and database tiers, typically). */
  readonly routeTableIds: readonly string[];
}

export interface VpcPeeringProps {
  readonly name: string;
  /** The requesting side, managed by the stack's default provider. */
  readonly requester: PeeringSide;
  /** The accepting side, in the same account, managed by `accepterProvider`. */
  readonly accepter: PeeringSide;
  /** Provider of the accepter's region (same account). */
  readonly accepterProvider: AwsProvider;
  /** The peer's account. */
  readonly accountId: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Cross-region VPC peering within one account: the request, its acceptance on the far side, and
 * routes both ways. The two CIDRs must not overlap (AWS refuses such a peering).
 */
export class VpcPeering extends Construct {
  readonly peeringConnectionId: string;

  constructor(scope: Construct, id: string, props: VpcPeeringProps) {
    super(scope, id);
    markLibrary(this, "vpc");
    const { requester, accepter } = props;
    if (cidrsOverlap(requester.cidr, accepter.cidr)) {
      throw new Error(`VpcPeering ${props.name}: ${requester.cidr} and ${accepter.cidr} overlap; peered VPCs need disjoint CIDRs`);
    }
    const tags = { ...(props.tags ?? {}), Name: props.name };
    const connection = new VpcPeeringConnection(this, "request", {
      vpcId: requester.vpcId,
      peerVpcId: accepter.vpcId,
      peerRegion: accepter.region,
      peerOwnerId: props.accountId,
      tags: { ...tags, Side: "requester" },
    });
    new VpcPeeringConnectionAccepterA(this, "accept", {
      provider: props.accepterProvider,
      vpcPeeringConnectionId: connection.id,
      autoAccept: true,
      tags: { ...tags, Side: "accepter" },
    });
    requester.routeTableIds.forEach(
      (rt, i) => new Route(this, `to-accepter-${i}`, { routeTableId: rt, destinationCidrBlock: accepter.cidr, vpcPeeringConnectionId: connection.id }),
    );
    accepter.routeTableIds.forEach(
      (rt, i) =>
        new Route(this, `to-requester-${i}`, {
          provider: props.accepterProvider,
          routeTableId: rt,
          destinationCidrBlock: requester.cidr,
          vpcPeeringConnectionId: connection.id,
        }),
    );
    this.peeringConnectionId = connection.id;
  }
}
