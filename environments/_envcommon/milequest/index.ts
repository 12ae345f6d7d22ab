import { amplify } from "./web/amplify";
import { analytics } from "./data/analytics";
import { aurora } from "./data/aurora";
import { budget } from "./ops/budget";
import { cache } from "./data/cache";
import { cdn } from "./edge/cdn";
import { cognito } from "./security/cognito";
import { deploy } from "./ops/deploy";
import { dns } from "./edge/dns";
import { dynamodb } from "./data/dynamodb";
import { jobs } from "./compute/jobs";
import { kms } from "./security/kms";
import { messaging } from "./integration/messaging";
import { monitoring } from "./ops/monitoring";
import { restApi } from "./api/rest";
import { routing } from "./edge/routing";
import { s3 } from "./data/s3";
import { secrets } from "./security/secrets";
import { vpc } from "./network/vpc";
import { waf } from "./edge/waf";
import { websocket } from "./api/websocket";

export { WITH_CACHE } from "./app-dependencies";
export { MILEQUEST_WAIVERS } from "./waivers";
export { milequest } from "./workload";

/** Mile Quest's modules (seed 003). */
export const milequestModules = {
  kms,
  secrets,
  vpc,
  s3,
  cognito,
  aurora,
  cache,
  dynamodb,
  analytics,
  messaging,
  dns,
  waf,
  restApi,
  websocket,
  jobs,
  cdn,
  routing,
  amplify,
  monitoring,
  deploy,
  budget,
};
