import { buckets } from "./data/buckets";
import { opensearch } from "./data/opensearch";
import { queues } from "./data/queues";
import { rds } from "./data/rds";
import { redis } from "./data/redis";
import { records } from "./dns/records";
import { zone } from "./dns/zone";
import { alb } from "./edge/alb";
import { cdn } from "./edge/cdn";
import { waf } from "./edge/waf";
import { vpc } from "./network/vpc";
import { alerts } from "./ops/alerts";
import { monitoring } from "./ops/monitoring";
import { kms } from "./security/kms";
import { appDeploy } from "./security/app-deploy";
import { secrets } from "./security/secrets";
import { dockerHost } from "./services/docker-host";
import { ecr } from "./services/ecr";
import { ecs } from "./services/ecs";

export { atlas } from "./workload";

/** AccountabilityAtlas (seed 001) modules. Every one is listed in each region's atlas.ts; the phase decides which exist. */
export const atlasModules = {
  kms,
  secrets,
  vpc,
  rds,
  queues,
  buckets,
  redis,
  opensearch,
  ecr,
  dockerHost,
  ecs,
  waf,
  alb,
  cdn,
  zone,
  records,
  alerts,
  monitoring,
  appDeploy,
};
