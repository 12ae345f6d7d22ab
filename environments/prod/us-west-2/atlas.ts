import { deploy, deploymentsFrom } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/** AccountabilityAtlas (seed 001) DR in us-west-2: keys and replica buckets, from phase 4 only. */
export const atlasDeployments = deploymentsFrom("environments/prod/us-west-2/atlas.ts", [deploy(atlas.kms), deploy(atlas.buckets)]);
