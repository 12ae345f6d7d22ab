import { deploy, type RegionConfig } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** region.hcl + the deployments of prod's primary region. */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  // Seed 004's VPC table: 10.40.0.0/16 (its multi-region diagram's 10.30 would collide with uat).
  cidrs: { platform: "10.40.0.0/16" },
  deployments: [
    deploy(platform.kms),
    deploy(platform.vpc),
    deploy(platform.vpcPeering, { dependencies: { peer: { category: "network", module: "vpc", region: "eu-west-1" } } }),
  ],
  source: "environments/prod/us-east-1/region.ts",
};
