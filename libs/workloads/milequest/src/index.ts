import type { BuilderRegistry } from "@infra/core";
import { workloadBuilders } from "@infra/workload-shared";
import { buildAnalytics } from "./builders/analytics";
import { buildAurora, buildCache, buildDynamodb, buildS3 } from "./builders/data";
import { buildDeploy } from "./builders/deploy";
import { buildCdn, buildEdgeWaf, buildRouting, buildZone } from "./builders/edge";
import { buildJobs } from "./builders/jobs";
import { buildMessaging } from "./builders/messaging";
import { buildVpc } from "./builders/network";
import { buildBudget, buildMonitoring } from "./builders/ops";
import { buildRestApi } from "./builders/rest-api";
import { buildCognito, buildKms, buildSecrets } from "./builders/security";
import { buildAmplify } from "./builders/web";
import { buildWebsocket } from "./builders/websocket";

export { HEALTH_PATH, REST_ROUTES } from "./builders/rest-api";
export { WEBSOCKET_ROUTES } from "./builders/websocket";
export { CUR2_COLUMNS, DATA_LAKE_EVENTS } from "./builders/analytics-tables";
export { CODEDEPLOY_LAMBDA_POLICY_ARN } from "./builders/deploy";
export { ANALYTICS_EVENT_SOURCES } from "./builders/messaging";

/** Stack builders of Mile Quest (seed 003), by the key modules name in `builder`. */
export const milequestBuilders: BuilderRegistry = workloadBuilders("milequest", {
  kms: buildKms,
  secrets: buildSecrets,
  vpc: buildVpc,
  aurora: buildAurora,
  cache: buildCache,
  dynamodb: buildDynamodb,
  s3: buildS3,
  analytics: buildAnalytics,
  cognito: buildCognito,
  messaging: buildMessaging,
  "rest-api": buildRestApi,
  websocket: buildWebsocket,
  jobs: buildJobs,
  zone: buildZone,
  waf: buildEdgeWaf,
  cdn: buildCdn,
  routing: buildRouting,
  amplify: buildAmplify,
  monitoring: buildMonitoring,
  deploy: buildDeploy,
  budget: buildBudget,
});
