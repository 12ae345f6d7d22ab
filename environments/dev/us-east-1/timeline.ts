import { deploy, deploymentsFrom } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

const cdn = { category: "timeline-edge", module: "cdn" } as const;

/** The timeline app (seed 002) in dev us-east-1: the smallest sizes, no read replica, full tracing. */
export const timelineDeployments = deploymentsFrom("environments/dev/us-east-1/timeline.ts", [
  deploy(timeline.kms),
  // One NAT (not the env's NAT-less default): the API's Fargate tasks pull images and ship logs and traces through it.
  deploy(timeline.vpc, { inputs: { nat: { mode: "single" } } }),
  deploy(timeline.rds, { inputs: { instanceClass: "db.t4g.micro", allocatedStorageGb: 20, multiAz: false, readReplicas: 0 } }),
  deploy(timeline.elasticache, { inputs: { nodeType: "cache.t4g.micro", shards: 1, replicasPerShard: 1 } }),
  deploy(timeline.s3, { waivers: waivers.logBucket }),
  deploy(timeline.cdn, { waivers: [...waivers.edgeLogBucket, ...waivers.defaultCertificate] }),
  deploy(timeline.monitoring, { inputs: { xray: { fixedRate: 1 } }, dependencies: { cdn: { category: "timeline-edge", module: "cdn" } } }),
  deploy(timeline.governance),
  deploy(timeline.zone),
  deploy(timeline.ecr),
  deploy(timeline.app, { inputs: { autoScaling: { max: 2 } }, dependencies: { cdn }, waivers: waivers.apiUnprotected }),
]);
