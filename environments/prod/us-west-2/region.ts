import type { RegionConfig } from "@infra/config";
import { timelineDeployments } from "./timeline";
import { milequestDeployments } from "./milequest";
import { atlasDeployments } from "./atlas";

/** region.hcl of prod's second DR region, us-west-2 (Mile Quest and the timeline app fail over here). */
export const usWest2: RegionConfig = {
  region: "us-west-2",
  role: "dr",
  azs: ["us-west-2a", "us-west-2b", "us-west-2c"],
  cidrs: { milequest: "10.73.0.0/16", timeline: "10.61.0.0/16" },
  deployments: [...milequestDeployments, ...atlasDeployments, ...timelineDeployments],
  source: "environments/prod/us-west-2/region.ts",
};
