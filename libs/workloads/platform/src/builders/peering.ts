import type { StackBuilder } from "@infra/core";
import { type Vpc, VpcPeering } from "@infra/vpc";
import type { PeeringInputs } from "../inputs/peering";
import { buildVpc } from "./vpc";

export interface PeeringOutputs {
  readonly peering: VpcPeering;
}

function routeTables(vpc: Vpc, tiers: PeeringInputs["tiers"]): string[] {
  return tiers.flatMap((t) => (t === "public" ? vpc.publicRouteTableIds : t === "private" ? vpc.privateRouteTableIds : vpc.databaseRouteTableIds));
}

/** Requester in this stack's region, accepter (and its routes) in the peer's region, through an aliased provider. */
export const buildPeering: StackBuilder<PeeringInputs, PeeringOutputs> = (stack, inputs, ctx) => {
  const { vpc: local } = ctx.dependencyOn("vpc", buildVpc);
  const { vpc: peer } = ctx.dependencyOn("peer", buildVpc);
  const peerRegion = ctx.env.deployments.find((d) => d.id === ctx.deployment.dependencies["peer"])!.region.name;
  const peering = new VpcPeering(stack, "peering", {
    name: inputs.name,
    accountId: ctx.env.accountId,
    requester: { vpcId: local.vpcId, cidr: local.cidr, region: ctx.deployment.region.name, routeTableIds: routeTables(local, inputs.tiers) },
    accepter: { vpcId: peer.vpcId, cidr: peer.cidr, region: peerRegion, routeTableIds: routeTables(peer, inputs.tiers) },
    accepterProvider: stack.providerFor(peerRegion),
  });
  return { peering };
};
