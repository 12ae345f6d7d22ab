import { deployWorkload } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in dev us-east-1: the module defaults, no peering, no Splunk shipping (seed 004: CloudWatch only outside prod). */
export const platformDeployments = deployWorkload("environments/dev/us-east-1/platform.ts", platform, { except: ["vpcPeering", "logShipping"] });
