import { deployWorkload } from "@infra/config";
import { aerologuePrimaryModules as aerologue, aerologuePrimaryWaivers as waived } from "@envs/envcommon";

/** Aerologue (seed 000) in prod us-east-1: its deployments and their overrides. */
export const aerologueDeployments = deployWorkload("environments/prod/us-east-1/aerologue.ts", aerologue, {
  overrides: {
    ...waived,
    // ARC-005: "2 with replica for production", automatic failover.
    cache: { inputs: { nodes: 2, automaticFailover: true } },
    // ARC-008: PriceClass_All for global (production).
    cdn: { inputs: { priceClass: "PriceClass_All" } },
  },
});
