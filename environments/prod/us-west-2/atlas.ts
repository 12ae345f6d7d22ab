import { deploy, deploymentsFrom } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/**
 * AccountabilityAtlas (seed 001) DR in us-west-2, from phase 4 only: keys and replica buckets, and the
 * ADR 0106 pilot light: VPC, queues, a small cache, image repositories filled by the account's ECR
 * replication, WAF and ALB, and the ECS services at zero tasks. The database is restored at activation.
 */
export const atlasDeployments = deploymentsFrom("environments/prod/us-west-2/atlas.ts", [
  deploy(atlas.kms),
  deploy(atlas.vpc),
  deploy(atlas.buckets),
  deploy(atlas.queues),
  deploy(atlas.redis),
  deploy(atlas.ecr),
  deploy(atlas.waf),
  deploy(atlas.alb),
  deploy(atlas.ecs),
]);
