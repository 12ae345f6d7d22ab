import { deploy, deploymentsFrom } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/**
 * AccountabilityAtlas (seed 001) in staging: listed always, deployed from phase 3 (the seed adds staging in phase 3).
 */
export const atlasDeployments = deploymentsFrom("environments/staging/us-east-1/atlas.ts", [
  deploy(atlas.kms),
  deploy(atlas.secrets),
  deploy(atlas.vpc),
  deploy(atlas.rds),
  deploy(atlas.queues),
  deploy(atlas.buckets),
  deploy(atlas.redis),
  deploy(atlas.opensearch),
  deploy(atlas.ecr),
  deploy(atlas.dockerHost),
  deploy(atlas.ecs),
  deploy(atlas.waf),
  deploy(atlas.alb),
  deploy(atlas.cdn),
  deploy(atlas.zone),
  deploy(atlas.records),
  deploy(atlas.alerts),
  deploy(atlas.monitoring),
]);
