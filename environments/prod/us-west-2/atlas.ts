import { deploy, deploymentsFrom } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/**
 * AccountabilityAtlas (seed 001) DR in us-west-2, from phase 4 only: keys and replica buckets, and the
 * ADR 0106 pilot light (VPC, image repositories filled by the account's ECR replication).
 */
export const atlasDeployments = deploymentsFrom("environments/prod/us-west-2/atlas.ts", [
  deploy(atlas.kms),
  deploy(atlas.vpc),
  deploy(atlas.buckets),
  deploy(atlas.ecr),
]);
