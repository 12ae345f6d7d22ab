import { deploy, deploymentsFrom } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in dev us-east-1: its deployments and their overrides. */
export const platformDeployments = deploymentsFrom("environments/dev/us-east-1/platform.ts", [
  deploy(platform.kms),
  deploy(platform.vpc),
  deploy(platform.ecsCluster),
  deploy(platform.rds),
  deploy(platform.monitoring),
  deploy(platform.zone),
  deploy(platform.ingress),
  deploy(platform.appRecord),
  deploy(platform.ciAccess),
]);
