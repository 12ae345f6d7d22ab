import { deploy, type RegionConfig } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** region.hcl + deployments of staging in us-east-1 (seed 004 staging column). */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  cidrs: { platform: "10.20.0.0/16" },
  deployments: [
    deploy(platform.kms),
    deploy(platform.vpc),
    deploy(platform.ecsCluster, { inputs: { instanceType: "t3.small", minInstances: 2, maxInstances: 3 } }),
    deploy(platform.rds, { inputs: { instanceClass: "db.t3.small", allocatedStorageGb: 30 } }),
    deploy(platform.monitoring),
  ],
  source: "environments/staging/us-east-1/region.ts",
};
