import type { RegionConfig } from "@infra/config";
import { accountDeployments } from "./account";
import { platformDeployments } from "./platform";

/** region.hcl + deployments of uat in us-east-1 (seed 004 uat column). */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  cidrs: { platform: "10.30.0.0/16" },
  deployments: [...accountDeployments, ...platformDeployments],
  source: "environments/uat/us-east-1/region.ts",
};
