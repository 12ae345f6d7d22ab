import { deployWorkload } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

const cdn = timeline.cdn;

/** The timeline app (seed 002) in staging us-east-1: small sizes, one read replica. */
export const timelineDeployments = deployWorkload("environments/staging/us-east-1/timeline.ts", timeline, {
  overrides: {
    // A read replica: the master password is a rotated secret (RDS refuses replicas of a managed one; ADR 0011).
    rds: {
      inputs: {
        instanceClass: "db.t4g.small",
        allocatedStorageGb: 50,
        multiAz: false,
        readReplicas: 1,
        masterCredentials: { mode: "rotated-secret", rotationDays: 30 },
      },
    },
    elasticache: { inputs: { nodeType: "cache.t4g.small", shards: 1, replicasPerShard: 1 } },
    s3: { waivers: waivers.logBucket },
    cdn: { waivers: [...waivers.edgeLogBucket, ...waivers.defaultCertificate] },
    monitoring: { inputs: { xray: { fixedRate: 0.2 } }, dependencies: { cdn } },
    app: { inputs: { autoScaling: { max: 4 } }, dependencies: { cdn }, waivers: waivers.apiUnprotected },
  },
});
