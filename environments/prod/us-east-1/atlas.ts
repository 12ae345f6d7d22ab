import { deploy, deploymentsFrom } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/**
 * AccountabilityAtlas (seed 001) in prod us-east-1. Every module is listed; `workloads.atlas.phase` decides which
 * exist: phase 1 the EC2 host; 2 ECS + ALB + Redis; 3 + OpenSearch, WAF, CloudFront; 4 + auto-scaling, blue/green, DR.
 */
export const atlasDeployments = deploymentsFrom("environments/prod/us-east-1/atlas.ts", [
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
