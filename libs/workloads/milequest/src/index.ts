import type { BuilderRegistry } from "@infra/core";
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

export type { AnalyticsOutputs } from "./builders/analytics";
export type { CacheOutputs, DatabaseOutputs, StorageOutputs, TableOutputs } from "./builders/data";
export type { DeployOutputs } from "./builders/deploy";
export type { CdnOutputs, EdgeWafOutputs, RoutingOutputs, ZoneOutputs } from "./builders/edge";
export type { JobsOutputs } from "./builders/jobs";
export type { MessagingOutputs } from "./builders/messaging";
export type { NetworkOutputs } from "./builders/network";
export type { MonitoringOutputs } from "./builders/ops";
export type { RestApiOutputs } from "./builders/rest-api";
export type { IdentityOutputs, KeyOutputs, SecretOutputs } from "./builders/security";
export type { WebOutputs } from "./builders/web";
export type { WebsocketOutputs } from "./builders/websocket";
export { HEALTH_PATH, REST_ROUTES } from "./builders/rest-api";
export { WEBSOCKET_ROUTES } from "./builders/websocket";
export { CUR2_COLUMNS, DATA_LAKE_EVENTS } from "./builders/analytics-tables";
export { CODEDEPLOY_LAMBDA_POLICY_ARN } from "./builders/deploy";
export { ANALYTICS_EVENT_SOURCES } from "./builders/messaging";

/** Stack builders of Mile Quest (seed 003), by the key modules name in `builder`. */
export const milequestBuilders: BuilderRegistry = {
  "milequest/kms": buildKms,
  "milequest/secrets": buildSecrets,
  "milequest/vpc": buildVpc,
  "milequest/aurora": buildAurora,
  "milequest/cache": buildCache,
  "milequest/dynamodb": buildDynamodb,
  "milequest/s3": buildS3,
  "milequest/analytics": buildAnalytics,
  "milequest/cognito": buildCognito,
  "milequest/messaging": buildMessaging,
  "milequest/rest-api": buildRestApi,
  "milequest/websocket": buildWebsocket,
  "milequest/jobs": buildJobs,
  "milequest/zone": buildZone,
  "milequest/waf": buildEdgeWaf,
  "milequest/cdn": buildCdn,
  "milequest/routing": buildRouting,
  "milequest/amplify": buildAmplify,
  "milequest/monitoring": buildMonitoring,
  "milequest/deploy": buildDeploy,
  "milequest/budget": buildBudget,
};
