import { type Dependency, deployWorkload } from "@infra/config";
import { MILEQUEST_WAIVERS as WAIVE, MILEQUEST_WITH_CACHE as WITH_CACHE, milequestModules as mq } from "@envs/envcommon";

const DR = "us-west-2";
const drKms: Dependency = { module: mq.kms, region: DR };
const prodFunction = (reservedConcurrency: number) => ({ reservedConcurrency });

/** Mile Quest (seed 003) in prod us-east-1: the production Amplify apps (branch main), primary of the us-west-2 DR pair. */
export const milequestDeployments = deployWorkload("environments/prod/us-east-1/milequest.ts", mq, {
  overrides: {
    // Secrets replicate to the DR region; the Aurora global primary reads its master password from one.
    secrets: {
      inputs: { replicaRegions: [DR], auroraMasterPassword: true },
      dependencies: { [`kms-${DR}`]: drKms },
      waivers: [...WAIVE.externalSecrets, ...WAIVE.globalDatabasePassword],
    },
    // Seed 003 DR: S3 cross-region replication into the us-west-2 buckets.
    s3: {
      inputs: { replicateToDr: true },
      dependencies: { replica: { module: mq.s3, region: DR }, "replica-kms": drKms },
      waivers: WAIVE.logBuckets,
    },
    // Seed 003 DR: the primary of an Aurora global database; us-west-2 holds the replica.
    aurora: {
      inputs: { global: "primary", minAcu: 1, maxAcu: 16 },
      dependencies: { secrets: mq.secrets },
    },
    // The account's CUR 2.0 export lands in an SSE-S3 bucket (docs/adr/0110).
    analytics: { waivers: WAIVE.costExportBucket },
    cache: { inputs: { maxDataStorageGb: 5, maxEcpuPerSecond: 50000 } },
    // Sessions and real-time state follow users to the standby (global tables).
    dynamodb: { inputs: { replicaRegions: [DR] }, dependencies: { [`kms-${DR}`]: drKms } },
    // Reserved concurrency fits Mile Quest's 650 allocation in region.ts (625 here: 440 REST, 160 WebSocket, 25 jobs;
    // docs/adr/0013-lambda-concurrency-budget.md). At the 1,000 rps stage throttle and ~50-100 ms per call the
    // REST path needs ~100 concurrent executions: the hot paths keep 2-4x that, the rest scale within the pool.
    restApi: {
      inputs: {
        functions: {
          authorizer: prodFunction(100),
          login: prodFunction(30),
          register: prodFunction(20),
          refresh: prodFunction(30),
          createTeam: prodFunction(20),
          updateTeam: prodFunction(20),
          inviteMembers: prodFunction(20),
          logActivity: prodFunction(80),
          syncActivity: prodFunction(40),
          calculateRoute: prodFunction(40),
          geocodeAddress: prodFunction(40),
        },
        throttle: { rateLimit: 1000, burstLimit: 2000 },
      },
      dependencies: WITH_CACHE,
    },
    websocket: {
      inputs: {
        functions: { aggregateProgress: prodFunction(60), wsConnect: prodFunction(40), wsDisconnect: prodFunction(40), wsBroadcast: prodFunction(20) },
        throttle: { rateLimit: 500, burstLimit: 1000 },
      },
      dependencies: WITH_CACHE,
    },
    jobs: {
      inputs: {
        functions: { processActivity: prodFunction(10), sendNotifications: prodFunction(5), syncWearables: prodFunction(5), exportAnalytics: prodFunction(5) },
      },
      dependencies: WITH_CACHE,
    },
    cdn: { waivers: WAIVE.logBuckets },
    // Seed 003 DR: Route 53 health checks on both regions' APIs and a failover policy.
    routing: {
      inputs: { failover: true },
      dependencies: {
        standbyRest: { module: mq.restApi, region: DR },
        standbyWebsocket: { module: mq.websocket, region: DR },
      },
    },
    monitoring: { dependencies: WITH_CACHE },
    budget: { inputs: { monthlyLimitUsd: 1500 } },
  },
});
