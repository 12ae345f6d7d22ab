import { deployWorkload } from "@infra/config";
import { AEROLOGUE_WAIVERS as W, aerologuePrimaryModules as aerologue, aerologuePrimaryWaivers as waived } from "@envs/envcommon";

/** Aerologue (seed 000) in dev us-east-1: its deployments and their overrides. */
export const aerologueDeployments = deployWorkload("environments/dev/us-east-1/aerologue.ts", aerologue, {
  overrides: {
    ...waived,
    aurora: {
      inputs: {
        // ARC-005 "can scale to 0 when idle": dev pauses after 5 idle minutes (storage-only cost, ~15 s resume).
        minCapacity: 0,
        secondsUntilAutoPause: 300,
        pauseReason: "dev is idle outside working hours; a paused cluster costs storage only and resumes on the first connection",
      },
      waivers: W.auroraUnprotected,
    },
    cache: { waivers: W.cacheSingleNode },
  },
});
