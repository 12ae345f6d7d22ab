import type { BuilderRegistry } from "@infra/core";
import { workloadBuilders } from "@infra/workload-shared";
import { buildAtlasAlb } from "./builders/alb";
import { buildAtlasAlerts } from "./builders/alerts";
import { buildAtlasAppDeploy } from "./builders/app-deploy";
import { buildAtlasBuckets } from "./builders/buckets";
import { buildAtlasCdn } from "./builders/cdn";
import { buildAtlasRecords, buildAtlasZone } from "./builders/dns";
import { buildAtlasDockerHost } from "./builders/docker-host";
import { buildAtlasEcr } from "./builders/ecr";
import { buildAtlasEcs } from "./builders/ecs";
import { buildAtlasKms } from "./builders/kms";
import { buildAtlasMonitoring } from "./builders/monitoring";
import { buildAtlasSearch } from "./builders/opensearch";
import { buildAtlasQueues } from "./builders/queues";
import { buildAtlasRds } from "./builders/rds";
import { buildAtlasRedis } from "./builders/redis";
import { buildAtlasSecrets } from "./builders/secrets";
import { buildAtlasVpc } from "./builders/vpc";
import { buildAtlasWaf } from "./builders/waf";

export { agentConfig } from "./builders/docker-host";
export { SECRET_ENV } from "./builders/ecs";
export { type AtlasFailoverPlan, type AtlasFailoverService, atlasFailoverPlan, atlasFailoverScript } from "./failover";

/** Stack builders of AccountabilityAtlas (seed 001), by the key its modules name in `builder`. */
export const atlasBuilders: BuilderRegistry = workloadBuilders("atlas", {
  kms: buildAtlasKms,
  secrets: buildAtlasSecrets,
  vpc: buildAtlasVpc,
  rds: buildAtlasRds,
  queues: buildAtlasQueues,
  buckets: buildAtlasBuckets,
  redis: buildAtlasRedis,
  opensearch: buildAtlasSearch,
  ecr: buildAtlasEcr,
  "docker-host": buildAtlasDockerHost,
  waf: buildAtlasWaf,
  alb: buildAtlasAlb,
  ecs: buildAtlasEcs,
  cdn: buildAtlasCdn,
  zone: buildAtlasZone,
  records: buildAtlasRecords,
  alerts: buildAtlasAlerts,
  monitoring: buildAtlasMonitoring,
  "app-deploy": buildAtlasAppDeploy,
});
