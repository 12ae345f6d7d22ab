import { deploy, deploymentsFrom } from "@infra/config";
import { MILEQUEST_WAIVERS as WAIVE, milequestModules as mq } from "@envs/envcommon";

/**
 * Mile Quest (seed 003) DR standby in prod us-west-2: Aurora replica (global secondary), the S3
 * replication targets, API Gateway + Lambda standby (job triggers off until failover). Identity,
 * secrets (replicated here), DynamoDB (replica tables) and DNS come from us-east-1. No Redis cache:
 * the standby's read path goes to the Aurora reader.
 */
export const milequestDeployments = deploymentsFrom("environments/prod/us-west-2/milequest.ts", [
  deploy(mq.kms),
  deploy(mq.vpc),
  deploy(mq.s3, { waivers: WAIVE.logBuckets }),
  deploy(mq.aurora, {
    inputs: { global: "secondary", instances: 1, minAcu: 1, maxAcu: 16 },
    dependencies: { primary: { module: mq.aurora, region: "primary" } },
    waivers: [...WAIVE.standbyReplica, ...WAIVE.globalDatabaseCluster],
  }),
  deploy(mq.messaging),
  deploy(mq.restApi),
  deploy(mq.websocket),
  deploy(mq.jobs),
  deploy(mq.monitoring),
  deploy(mq.deploy),
]);
