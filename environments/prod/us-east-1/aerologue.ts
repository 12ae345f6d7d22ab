import { deploy, deploymentsFrom } from "@infra/config";
import { AEROLOGUE_WAIVERS as W, aerologueModules as a } from "@envs/envcommon";

/** Aerologue (seed 000) in prod us-east-1: its deployments and their overrides. */
export const aerologueDeployments = deploymentsFrom("environments/prod/us-east-1/aerologue.ts", [
  deploy(a.kms),
  deploy(a.secrets, { waivers: W.secrets }),
  deploy(a.vpc),
  deploy(a.dns, { waivers: W.dns }),
  deploy(a.dynamodb),
  deploy(a.storage, { waivers: W.storage }),
  deploy(a.timestream),
  deploy(a.aurora),
  // ARC-005: "2 with replica for production", automatic failover.
  deploy(a.cache, { inputs: { nodes: 2, automaticFailover: true } }),
  deploy(a.functions, { waivers: W.functions }),
  deploy(a.cognito, { waivers: W.cognito }),
  deploy(a.api, { waivers: W.api }),
  // ARC-008: PriceClass_All for global (production).
  deploy(a.cdn, { inputs: { priceClass: "PriceClass_All" } }),
  deploy(a.monitoring),
]);
