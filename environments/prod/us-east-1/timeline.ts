import { deployWorkload } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

const dr = "us-west-2" as const;
const cdn = timeline.cdn;
const drReplica = {
  replica: { module: timeline.s3, region: dr },
  "replica-kms": { module: timeline.kms, region: dr },
} as const;

/**
 * The timeline app (seed 002) in prod us-east-1, the primary region: Multi-AZ database with two
 * read replicas, a sharded Redis with two replicas per shard, buckets replicated to the DR region.
 */
export const timelineDeployments = deployWorkload("environments/prod/us-east-1/timeline.ts", timeline, {
  overrides: {
    // The private zone is associated with the DR VPC as well, so failover only re-points records.
    vpc: { dependencies: { dr: { module: timeline.vpc, region: dr } } },
    rds: {
      // Replicas here and in us-west-2: the master password is a rotated secret (ADR 0011).
      inputs: {
        instanceClass: "db.r6g.large",
        allocatedStorageGb: 100,
        multiAz: true,
        readReplicas: 2,
        replicaMultiAz: true,
        enhancedMonitoringInterval: 60,
        masterCredentials: { mode: "rotated-secret", rotationDays: 30 },
      },
    },
    elasticache: { inputs: { nodeType: "cache.r7g.large", shards: 2, replicasPerShard: 2 } },
    s3: { inputs: { replicateToDr: true, backups: { expirationDays: 2555 } }, dependencies: drReplica, waivers: waivers.logBucket },
    cdn: { inputs: { replicateToDr: true }, dependencies: drReplica, waivers: [...waivers.edgeLogBucket, ...waivers.defaultCertificate] },
    monitoring: { dependencies: { cdn } },
    // Documented defaults (seed 002 gives no sizes): 2 tasks (one per AZ) up to 10, 1 vCPU / 2 GiB each.
    app: { inputs: { cpu: 1024, memory: 2048, autoScaling: { max: 10 } }, dependencies: { cdn } },
  },
});
