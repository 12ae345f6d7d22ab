import { deployWorkload } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

const cdn = timeline.cdn;

/** The timeline app (seed 002) in dev us-east-1: the smallest sizes, no read replica, full tracing. */
export const timelineDeployments = deployWorkload("environments/dev/us-east-1/timeline.ts", timeline, {
  overrides: {
    // One NAT (not the env's NAT-less default): the API's Fargate tasks pull images and ship logs and traces through it.
    vpc: { inputs: { nat: { mode: "single" } } },
    rds: { inputs: { instanceClass: "db.t4g.micro", allocatedStorageGb: 20, multiAz: false, readReplicas: 0 } },
    elasticache: { inputs: { nodeType: "cache.t4g.micro", shards: 1, replicasPerShard: 1 } },
    s3: { waivers: waivers.logBucket },
    cdn: { waivers: [...waivers.edgeLogBucket, ...waivers.defaultCertificate] },
    monitoring: { inputs: { xray: { fixedRate: 1 } }, dependencies: { cdn } },
    app: { inputs: { autoScaling: { max: 2 } }, dependencies: { cdn }, waivers: waivers.apiUnprotected },
  },
});
