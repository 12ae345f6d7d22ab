import { deploy, deploymentsFrom } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

const dr = "us-west-2" as const;

/**
 * The timeline app (seed 002) in prod us-east-1, the primary region: Multi-AZ database with two
 * read replicas, a sharded Redis with two replicas per shard, buckets replicated to the DR region.
 */
export const timelineDeployments = deploymentsFrom("environments/prod/us-east-1/timeline.ts", [
  deploy(timeline.kms),
  // The private zone is associated with the DR VPC as well, so failover only re-points records.
  deploy(timeline.vpc, { dependencies: { dr: { category: "timeline-network", module: "vpc", region: dr } } }),
  deploy(timeline.rds, {
    // Replicas here and in us-west-2: the master password is a rotated secret (ADR 0011).
    inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, readReplicas: 2, replicaMultiAz: true, enhancedMonitoringInterval: 60, masterCredentials: { mode: "rotated-secret", rotationDays: 30 } },
  }),
  deploy(timeline.elasticache, { inputs: { nodeType: "cache.r7g.large", shards: 2, replicasPerShard: 2 } }),
  deploy(timeline.s3, {
    inputs: { replicateToDr: true, backups: { expirationDays: 2555 } },
    dependencies: {
      replica: { category: "timeline-storage", module: "s3", region: dr },
      "replica-kms": { category: "timeline-security", module: "kms", region: dr },
    },
    waivers: waivers.logBucket,
  }),
  deploy(timeline.cdn, {
    inputs: { replicateToDr: true },
    dependencies: {
      replica: { category: "timeline-storage", module: "s3", region: dr },
      "replica-kms": { category: "timeline-security", module: "kms", region: dr },
    },
    waivers: [...waivers.edgeLogBucket, ...waivers.defaultCertificate],
  }),
  deploy(timeline.monitoring, { dependencies: { cdn: { category: "timeline-edge", module: "cdn" } } }),
  deploy(timeline.governance),
  deploy(timeline.zone),
  deploy(timeline.ecr),
  // Documented defaults (seed 002 gives no sizes): 2 tasks (one per AZ) up to 10, 1 vCPU / 2 GiB each.
  deploy(timeline.app, { inputs: { cpu: 1024, memory: 2048, autoScaling: { max: 10 } }, dependencies: { cdn: { category: "timeline-edge", module: "cdn" } } }),
]);
