import { deploy, deploymentsFrom } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

const cdn = { category: "timeline-edge", module: "cdn" } as const;

/** The timeline app (seed 002) in staging us-east-1: small sizes, one read replica. */
export const timelineDeployments = deploymentsFrom("environments/staging/us-east-1/timeline.ts", [
  deploy(timeline.kms),
  deploy(timeline.vpc),
  // A read replica: the master password is a rotated secret (RDS refuses replicas of a managed one; ADR 0011).
  deploy(timeline.rds, { inputs: { instanceClass: "db.t4g.small", allocatedStorageGb: 50, multiAz: false, readReplicas: 1, masterCredentials: { mode: "rotated-secret", rotationDays: 30 } } }),
  deploy(timeline.elasticache, { inputs: { nodeType: "cache.t4g.small", shards: 1, replicasPerShard: 1 } }),
  deploy(timeline.s3, { waivers: waivers.logBucket }),
  deploy(timeline.cdn, { waivers: [...waivers.edgeLogBucket, ...waivers.defaultCertificate] }),
  deploy(timeline.monitoring, { inputs: { xray: { fixedRate: 0.2 } }, dependencies: { cdn: { category: "timeline-edge", module: "cdn" } } }),
  deploy(timeline.governance),
  deploy(timeline.zone),
  deploy(timeline.ecr),
  deploy(timeline.app, { inputs: { autoScaling: { max: 4 } }, dependencies: { cdn }, waivers: waivers.apiUnprotected }),
]);
