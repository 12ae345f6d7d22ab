import { deploy, type RegionConfig } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** region.hcl + the deployments of staging in us-east-1. */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  cidrs: { platform: "10.20.0.0/16" },
  deployments: [deploy(platform.kms), deploy(platform.vpc)],
  source: "environments/staging/us-east-1/region.ts",
};
