import type { RegionConfig } from "@infra/config";
import { timelineDeployments } from "./timeline";
import { milequestDeployments } from "./milequest";
import { atlasDeployments } from "./atlas";

/** region.hcl of prod's second DR region, us-west-2 (Mile Quest and the timeline app fail over here). */
export const usWest2: RegionConfig = {
  region: "us-west-2",
  role: "dr",
  azs: ["us-west-2a", "us-west-2b", "us-west-2c"],
  // atlas: ADR 0106 DR VPC (phase 4), apart from every VPC of the account (atlas us-east-1 is 10.0.0.0/16).
  cidrs: { milequest: "10.73.0.0/16", timeline: "10.61.0.0/16", atlas: "10.4.0.0/16" },
  deployments: [...milequestDeployments, ...atlasDeployments, ...timelineDeployments],
  source: "environments/prod/us-west-2/region.ts",
};
