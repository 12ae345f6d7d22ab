import type { RegionConfig } from "@infra/config";
import { accountDeployments } from "./account";
import { platformDeployments } from "./platform";
import { timelineDeployments } from "./timeline";
import { aerologueDeployments } from "./aerologue";
import { milequestDeployments } from "./milequest";
import { atlasDeployments } from "./atlas";

/** region.hcl + deployments of prod's primary region (seed 004 prod column). VPC 10.40.0.0/16 per the VPC table
 * (the multi-region diagram's 10.30 would collide with uat). */
export const usEast1: RegionConfig = {
  region: "us-east-1",
  role: "primary",
  azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
  cidrs: { platform: "10.40.0.0/16", aerologue: "10.0.0.0/16", milequest: "10.72.0.0/16", atlas: "10.0.0.0/16", timeline: "10.60.0.0/16" },
  deployments: [...accountDeployments, ...platformDeployments, ...aerologueDeployments, ...milequestDeployments, ...atlasDeployments, ...timelineDeployments],
  // Lambda reserved concurrency of the account in us-east-1 (AWS default quota 1,000, 100 kept unreserved):
  // Aerologue's seed ARC-004 table (10 + 20 + 100) + 1 for the extensions function that runs on apply
  // (ADR 0125), Mile Quest 650; 219 stay unreserved for the functions that "scale with demand"
  // (docs/adr/0013-lambda-concurrency-budget.md).
  reservedConcurrency: { aerologue: 131, milequest: 650 },
  source: "environments/prod/us-east-1/region.ts",
};
