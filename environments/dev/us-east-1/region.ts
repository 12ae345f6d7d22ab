import type { RegionConfig } from "@infra/config";
import { accountDeployments } from "./account";
import { platformDeployments } from "./platform";
import { timelineDeployments } from "./timeline";
import { aerologueDeployments } from "./aerologue";

/** region.hcl + deployments of dev in us-east-1. Seed 004 dev row: db.t3.micro 20 GB, t3.micro 1-3 instances (the module defaults). */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  cidrs: { platform: "10.10.0.0/16", aerologue: "10.0.0.0/16", timeline: "10.60.0.0/16" },
  deployments: [...accountDeployments, ...platformDeployments, ...aerologueDeployments, ...timelineDeployments],
  source: "environments/dev/us-east-1/region.ts",
};
