import { peeredCidrIssues } from "@infra/config";
import { peeringInputs } from "@infra/platform-inputs";
import { vpc } from "./vpc";
import { platformModule } from "../workload";

/** Peering of the primary VPC with a DR region's VPC. Each deployment names its `peer` VPC. */
export const vpcPeering = platformModule("network/vpc-peering", {
  schema: peeringInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "network" },
  dependencies: { vpc },
  requiredDependencies: ["peer"],
  // AWS refuses to peer overlapping VPCs: both sides' resolved CIDRs are compared once every deployment resolved.
  check: (self, env) => peeredCidrIssues(self, env, "vpc", "peer"),
  defaults: ({ env, region }) => ({
    name: `${env.name}-${region.name}-platform-peering`,
    // App tier and database tier talk across regions (replication, failover); the public tier does not.
    tiers: ["private", "database"] as ("private" | "database")[],
  }),
});
