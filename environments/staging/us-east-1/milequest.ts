import { deploy, deploymentsFrom } from "@infra/config";
import { MILEQUEST_WAIVERS as WAIVE, MILEQUEST_WITH_CACHE as WITH_CACHE, milequestModules as mq } from "@envs/envcommon";

/** Mile Quest (seed 003) in staging us-east-1: the staging Amplify apps (branch staging), no DR. */
export const milequestDeployments = deploymentsFrom("environments/staging/us-east-1/milequest.ts", [
  deploy(mq.kms),
  deploy(mq.secrets, { waivers: WAIVE.externalSecrets }),
  deploy(mq.vpc),
  deploy(mq.s3, { waivers: WAIVE.logBuckets }),
  deploy(mq.cognito),
  deploy(mq.aurora, { waivers: WAIVE.stagingDatabase }),
  deploy(mq.cache),
  deploy(mq.dynamodb),
  deploy(mq.analytics),
  deploy(mq.messaging),
  deploy(mq.dns),
  deploy(mq.waf),
  deploy(mq.restApi, { inputs: { executionLogLevel: "INFO" }, dependencies: WITH_CACHE }),
  deploy(mq.websocket, { dependencies: WITH_CACHE }),
  deploy(mq.jobs, { dependencies: WITH_CACHE }),
  deploy(mq.cdn, { waivers: WAIVE.logBuckets }),
  deploy(mq.routing),
  deploy(mq.amplify),
  deploy(mq.monitoring, { dependencies: WITH_CACHE }),
  deploy(mq.budget, { inputs: { monthlyLimitUsd: 150 } }),
]);
