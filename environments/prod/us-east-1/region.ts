import { deploy, type RegionConfig } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** region.hcl + deployments of prod's primary region (seed 004 prod column). VPC 10.40.0.0/16 per the VPC table
 * (the multi-region diagram's 10.30 would collide with uat). */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  cidrs: { platform: "10.40.0.0/16" },
  deployments: [
    deploy(platform.kms),
    deploy(platform.vpc),
    deploy(platform.vpcPeering, { dependencies: { peer: { category: "network", module: "vpc", region: "eu-west-1" } } }),
    deploy(platform.ecsCluster, { inputs: { instanceType: "m6g.large", minInstances: 3, maxInstances: 10, placement: "spread" } }),
    deploy(platform.rds, { inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60 } }),
    deploy(platform.monitoring),
  ],
  source: "environments/prod/us-east-1/region.ts",
};
