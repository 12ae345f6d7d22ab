import { deploy, type RegionConfig } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** region.hcl + deployments of prod's DR region (RTO 30 min, RPO 5 min per seed 004). */
export const euWest1: RegionConfig = {
  region: "eu-west-1",
  role: "dr",
  azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  cidrs: { platform: "10.50.0.0/16" },
  deployments: [
    deploy(platform.kms),
    deploy(platform.vpc),
    // Pilot light: the cluster idles at one instance and scales out to prod size on failover.
    deploy(platform.ecsCluster, { inputs: { instanceType: "m6g.large", minInstances: 1, maxInstances: 10, placement: "spread" } }),
    // A cross-region read replica of the us-east-1 database, promoted on failover (RPO 5 min).
    deploy(platform.rds, {
      inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60, replicaOfPrimary: true },
      dependencies: { primary: { category: "data", module: "rds", region: "primary" } },
    }),
    deploy(platform.monitoring),
  ],
  source: "environments/prod/eu-west-1/region.ts",
};
