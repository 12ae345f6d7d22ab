import { deployWorkload } from "@infra/config";
import { MILEQUEST_WAIVERS as WAIVE, MILEQUEST_WITH_CACHE as WITH_CACHE, milequestModules as mq } from "@envs/envcommon";

/** Mile Quest (seed 003) in staging us-east-1: the staging Amplify apps (branch staging), no DR. */
export const milequestDeployments = deployWorkload("environments/staging/us-east-1/milequest.ts", mq, {
  overrides: {
    secrets: { waivers: WAIVE.externalSecrets },
    s3: { waivers: WAIVE.logBuckets },
    analytics: { waivers: WAIVE.costExportBucket },
    aurora: { waivers: WAIVE.stagingDatabase },
    restApi: { inputs: { executionLogLevel: "INFO" }, dependencies: WITH_CACHE },
    websocket: { dependencies: WITH_CACHE },
    jobs: { dependencies: WITH_CACHE },
    cdn: { waivers: WAIVE.logBuckets },
    monitoring: { dependencies: WITH_CACHE },
    // The seed's staging path updates in place (no canary); the alias still moves through CodeDeploy, rolled back on alarm.
    deploy: { inputs: { deploymentConfig: "CodeDeployDefault.LambdaAllAtOnce" } },
    budget: { inputs: { monthlyLimitUsd: 150 } },
  },
});
