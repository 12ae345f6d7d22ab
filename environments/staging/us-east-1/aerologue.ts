import { deployWorkload } from "@infra/config";
import { AEROLOGUE_WAIVERS as W, aerologuePrimaryModules as aerologue, aerologuePrimaryWaivers as waived } from "@envs/envcommon";

/** Aerologue (seed 000) in staging us-east-1: its deployments and their overrides. */
export const aerologueDeployments = deployWorkload("environments/staging/us-east-1/aerologue.ts", aerologue, {
  overrides: { ...waived, aurora: { waivers: W.auroraUnprotected }, cache: { waivers: W.cacheSingleNode } },
});
