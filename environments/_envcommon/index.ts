import type { WorkloadRegistry } from "@infra/config";
import { account } from "./account";
import { aerologue } from "./aerologue";
import { rds } from "./platform/data/rds";
import { appRecord } from "./platform/dns/app-record";
import { zone } from "./platform/dns/zone";
import { backup } from "./platform/ops/backup";
import { logShipping } from "./platform/ops/log-shipping";
import { monitoring } from "./platform/ops/monitoring";
import { app } from "./platform/services/app";
import { ingress } from "./platform/services/ingress";
import { ecsCluster } from "./platform/services/ecs-cluster";
import { vpc } from "./platform/network/vpc";
import { vpcPeering } from "./platform/network/vpc-peering";
import { kms } from "./platform/security/kms";
import { milequest } from "./milequest";
import { atlas } from "./atlas";
import { ciAccess } from "./platform/security/ci-access";
import { platform } from "./platform/workload";
export { platformWaivers } from "./platform/waivers";
import { timeline, timelineModules, timelineWaivers } from "./timeline";

/** Every workload an env may enable, by name. */
export const WORKLOADS: WorkloadRegistry = {
  account,
  platform,
  timeline,
  milequest,
  atlas,
  aerologue,
};

/** The account foundation: deployed first in every env (one per account). */
export { accountModules } from "./account";

/** The platform's modules (seed 004). */
export const platformModules = { kms, vpc, vpcPeering, ecsCluster, rds, zone, ingress, app, monitoring, backup, logShipping, appRecord, ciAccess };

/** Mile Quest (seed 003): its modules; deployments add WITH_CACHE where the Redis cache runs. */
export { MILEQUEST_WAIVERS, milequestModules, WITH_CACHE as MILEQUEST_WITH_CACHE } from "./milequest";

/** AccountabilityAtlas (seed 001): its modules; the phase (workloads.atlas.phase) decides which deploy. */
export { atlasModules } from "./atlas";

/** Aerologue (seed 000): modules and deployment lists. */
export {
  aerologueModules,
  aerologuePrimaryModules,
  aerologuePrimaryWaivers,
  aerologueSecondaryModules,
  AEROLOGUE_FUNCTIONS,
  AEROLOGUE_TABLES,
  AEROLOGUE_WAIVERS,
} from "./aerologue";

/** The timeline app (seed 002): its modules. */
export { timelineModules, timelineWaivers };
