import { deployWorkload } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/**
 * AccountabilityAtlas (seed 001) in staging: listed always, deployed from phase 3 (the seed adds staging in phase 3).
 */
export const atlasDeployments = deployWorkload("environments/staging/us-east-1/atlas.ts", atlas);
