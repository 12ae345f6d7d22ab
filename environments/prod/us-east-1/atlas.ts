import { deployWorkload } from "@infra/config";
import { atlasModules as atlas } from "@envs/envcommon";

/**
 * AccountabilityAtlas (seed 001) in prod us-east-1. Every module is listed; `workloads.atlas.phase` decides which
 * exist: phase 1 the EC2 host; 2 ECS + ALB + Redis; 3 + OpenSearch, WAF, CloudFront; 4 + auto-scaling, blue/green, DR.
 */
export const atlasDeployments = deployWorkload("environments/prod/us-east-1/atlas.ts", atlas);
