import { deployWorkload } from "@infra/config";
import { timelineModules as timeline, timelineWaivers as waivers } from "@envs/envcommon";

/**
 * The timeline app's DR region (seed 002 "Disaster Recovery: secondary region for failover"): a
 * cross-region read replica of the primary database (promoted by docs/runbooks/timeline-failover-prod.sh),
 * a warm Redis, replicas of the asset and backup buckets, monitoring and AWS Config, and the API tier
 * on standby (zero tasks). The CDN and the public zone are global: they live in us-east-1.
 */
export const timelineDeployments = deployWorkload("environments/prod/us-west-2/timeline.ts", timeline, {
  except: ["cdn", "zone"],
  overrides: {
    rds: {
      inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60, replicaOfPrimary: true },
      dependencies: { primary: { module: timeline.rds, region: "primary" } },
    },
    elasticache: { inputs: { nodeType: "cache.r7g.large", shards: 1, replicasPerShard: 1 } },
    s3: { inputs: { backups: { expirationDays: 2555 } }, waivers: waivers.logBucket },
    // Cross-region lag up to 5 minutes is expected; beyond it the recovery point is at risk.
    monitoring: { inputs: { replicaLagSeconds: 300 } },
    // Standby: the whole API tier (ALB, WAF, certificate, service) with zero tasks; the failover script
    // raises the task count and re-points the API name. Same ceiling as the primary once it serves.
    app: {
      inputs: { cpu: 1024, memory: 2048, autoScaling: { max: 10 } },
      dependencies: { "primary-vpc": { module: timeline.vpc, region: "primary" } },
    },
  },
});
