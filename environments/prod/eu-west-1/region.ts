import type { RegionConfig } from "@infra/config";
import { platformDeployments } from "./platform";

/** region.hcl + deployments of prod's DR region (RTO 30 min, RPO 5 min per seed 004). */
export const euWest1: RegionConfig = {
  region: "eu-west-1",
  role: "dr",
  azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  cidrs: { platform: "10.50.0.0/16" },
  deployments: [...platformDeployments],
  source: "environments/prod/eu-west-1/region.ts",
};
